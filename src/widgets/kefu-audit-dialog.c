/* kefu-audit-dialog.c: "who changed what" (see kefu-audit-dialog.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-audit-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "store/kefu-store-audit.h"

#include "kefu-audit-dialog.h"

struct _KefuAuditDialog
{
  AdwDialog       parent_instance;

  KefuStore      *store;
  char           *entity;
  gint64          entity_id;
  GArray         *staff_ids;     /* per row of staff_row; 0: everyone */
  GListStore     *events;
  GCancellable   *cancellable;
  gboolean        busy;
  gboolean        reading;       /* events */
  gboolean        reading_staff;
  gboolean        more;          /* the last page was full */
  gboolean        filling;       /* the staff row is being filled */

  AdwPreferencesGroup *filter_group;
  GtkListView    *list_view;
  GtkButton      *more_button;
  AdwComboRow    *period_row;
  AdwComboRow    *staff_row;
  GtkLabel       *status_label;
};

G_DEFINE_FINAL_TYPE (KefuAuditDialog, kefu_audit_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The period rows, in order: days back (0: all time). "Today" is since local midnight. */
static const guint period_days[] = { 7, 1, 30, 365, 0 };

char *
kefu_audit_describe_record (const char *entity,
                            gint64      entity_id)
{
  g_autofree char *number = NULL;
  const char *name = entity;

  if (g_strcmp0 (entity, "complaint") == 0 || g_strcmp0 (entity, "complaints") == 0)
    name = C_("audit record", "Complaint");
  else if (g_strcmp0 (entity, "customers") == 0)
    name = C_("audit record", "Customer");
  else if (g_strcmp0 (entity, "shipment") == 0)
    name = C_("audit record", "Shipment");
  else if (g_strcmp0 (entity, "service-job") == 0)
    name = C_("audit record", "Service job");
  else if (g_strcmp0 (entity, "callback") == 0)
    name = C_("audit record", "Callback");
  else if (g_strcmp0 (entity, "calls") == 0 || g_strcmp0 (entity, "call") == 0)
    name = C_("audit record", "Call");
  else if (g_strcmp0 (entity, "staff") == 0)
    name = C_("audit record", "Staff member");
  else if (g_strcmp0 (entity, "settings") == 0)
    name = C_("audit record", "Settings");
  if (entity_id == 0)
    return g_strdup (name);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, entity_id);
  /* Translators: a record and its number: “Complaint 12”. */
  return g_strdup_printf (C_("audit record", "%1$s %2$s"), name, number);
}

/* The fields an event lists ({"changes":{…}} or {"changed":[…]}), or NULL. */
static char *
changed_fields (KefuEvent *event)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) fields = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *node;

  if (!json_parser_load_from_data (parser, kefu_event_get_details (event), -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  node = json_object_get_member (object, "changes");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

      for (GList *l = members; l != NULL; l = l->next)
        g_strv_builder_add (builder, l->data);
    }
  node = json_object_get_member (object, "changed");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i)))
          g_strv_builder_add (builder, json_array_get_string_element (array, i));
    }
  fields = g_strv_builder_end (builder);
  if (fields[0] == NULL)
    return NULL;
  return g_strjoinv (C_("list separator", ", "), fields);
}

/* Rows */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  KefuEvent *event = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_last_child (box);
  g_autoptr(GDateTime) local = g_date_time_to_local (kefu_event_get_created_at (event));
  g_autofree char *time = g_date_time_format (local, "%Y-%m-%d %H:%M");
  g_autofree char *record = kefu_audit_describe_record (kefu_event_get_entity (event),
                                                       kefu_event_get_entity_id (event));
  g_autofree char *fields = changed_fields (event);
  g_autofree char *head = NULL;
  g_autofree char *body = NULL;
  const char *name = kefu_event_get_staff_name (event);

  /* Translators: a change log row's title: time and who, “2026-11-27 10:42 · 王芳”. */
  head = g_strdup_printf (C_("audit row", "%1$s · %2$s"), time,
                          name != NULL && name[0] != '\0' ? name : _("Someone"));
  if (fields != NULL)
    /* Translators: a record, what was done and the fields changed: “Customer 42 · update:
     * name, address”. */
    body = g_strdup_printf (C_("audit row", "%1$s · %2$s: %3$s"), record,
                            kefu_event_get_action (event), fields);
  else
    /* Translators: a record and what was done: “Complaint 12 · acknowledged”. */
    body = g_strdup_printf (C_("audit row", "%1$s · %2$s"), record, kefu_event_get_action (event));
  gtk_label_set_text (GTK_LABEL (title), head);
  gtk_label_set_text (GTK_LABEL (subtitle), body);
}

/* Loading */

typedef struct
{
  char      *entity;
  gint64     entity_id;
  gint64     staff_id;
  GDateTime *from;
  gint64     before_id;
} Query;

static void
query_free (Query *query)
{
  g_free (query->entity);
  g_clear_pointer (&query->from, g_date_time_unref);
  g_free (query);
}

static gpointer
query_func (KefuStore     *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Query *query = data;
  KefuAuditFilter filter = { 0 };

  filter.entity = query->entity;
  filter.entity_id = query->entity_id;
  filter.staff_id = query->staff_id;
  filter.from = query->from;
  filter.before_id = query->before_id;
  filter.limit = KEFU_AUDIT_PAGE;
  return kefu_store_list_audit (store, &filter, cancellable, error);
}

static void
set_busy (KefuAuditDialog *self,
          gboolean         reading)
{
  gboolean busy;

  self->reading = reading;
  busy = self->reading || self->reading_staff;
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_status (KefuAuditDialog *self,
               const char      *problem)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  g_autofree char *text = NULL;

  if (problem != NULL)
    text = g_strdup (problem);
  else if (self->reading)
    text = g_strdup (_("Reading the change log…"));
  else if (n == 0)
    text = g_strdup (_("No changes in this period."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change shown.",
                                         "%u changes shown.", n), n);
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), self->more);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.more", self->more && !self->reading);
}

static void
query_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KefuAuditDialog) self = user_data;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  events = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (events == NULL)
    {
      self->more = FALSE;
      update_status (self, error->message);
      return;
    }
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) event = g_list_model_get_item (events, i);

      g_list_store_append (self->events, event);
    }
  self->more = n == KEFU_AUDIT_PAGE;
  update_status (self, NULL);
}

static void
load (KefuAuditDialog *self,
      gboolean         next_page)
{
  Query *query = g_new0 (Query, 1);
  guint period = adw_combo_row_get_selected (self->period_row);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  guint staff = adw_combo_row_get_selected (self->staff_row);

  if (self->store == NULL)
    {
      query_free (query);
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  query->entity = g_strdup (self->entity);
  query->entity_id = self->entity_id;
  if (self->entity == NULL)
    {
      guint days = period < G_N_ELEMENTS (period_days) ? period_days[period] : 0;

      query->staff_id = staff < self->staff_ids->len ? g_array_index (self->staff_ids, gint64, staff)
                                                     : 0;
      if (days > 0)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                                 g_date_time_get_month (now),
                                                                 g_date_time_get_day_of_month (now),
                                                                 0, 0, 0);

          query->from = g_date_time_add_days (midnight, -(int) (days - 1));
        }
    }
  if (next_page && n > 0)
    {
      g_autoptr(KefuEvent) last = g_list_model_get_item (G_LIST_MODEL (self->events), n - 1);

      query->before_id = kefu_event_get_id (last);
    }
  else
    g_list_store_remove_all (self->events);

  set_busy (self, TRUE);
  update_status (self, NULL);
  kefu_store_run_async (self->store, query_func, query, (GDestroyNotify) query_free,
                        self->cancellable, query_cb, g_object_ref (self));
}

static void
filter_changed_cb (KefuAuditDialog *self)
{
  if (!self->filling)
    load (self, FALSE);
}

static void
more_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  load (KEFU_AUDIT_DIALOG (widget), TRUE);
}

static void
row_activated_cb (KefuAuditDialog *self,
                  guint            position)
{
  g_autoptr(KefuEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), position);

  /* One record's history is of the record already open. */
  if (event == NULL || self->entity != NULL || kefu_event_get_entity_id (event) == 0)
    return;
  g_signal_emit (self, signals[OPEN_RECORD], 0, kefu_event_get_entity (event),
                 kefu_event_get_entity_id (event));
}

static void
staff_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KefuAuditDialog) self = user_data;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 everyone = 0;
  guint n;

  staff = kefu_store_list_staff_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->reading_staff = FALSE;
  set_busy (self, self->reading);
  g_array_set_size (self->staff_ids, 0);
  gtk_string_list_append (names, _("Everyone"));
  g_array_append_val (self->staff_ids, everyone);
  n = staff != NULL ? g_list_model_get_n_items (staff) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (staff, i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (member));

      gtk_string_list_append (names, kefu_staff_get_name (member));
      g_array_append_val (self->staff_ids, id);
    }
  self->filling = TRUE;
  adw_combo_row_set_model (self->staff_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->staff_row, 0);
  self->filling = FALSE;
}

void
kefu_audit_dialog_set_filter (KefuAuditDialog *self,
                              gint64           staff_id,
                              guint            days)
{
  g_return_if_fail (KEFU_IS_AUDIT_DIALOG (self));

  self->filling = TRUE;
  for (guint i = 0; i < self->staff_ids->len; i++)
    if (g_array_index (self->staff_ids, gint64, i) == staff_id)
      adw_combo_row_set_selected (self->staff_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (period_days); i++)
    if (period_days[i] == days)
      adw_combo_row_set_selected (self->period_row, i);
  self->filling = FALSE;
  load (self, FALSE);
}

gboolean
kefu_audit_dialog_get_busy (KefuAuditDialog *self)
{
  g_return_val_if_fail (KEFU_IS_AUDIT_DIALOG (self), FALSE);

  return self->busy;
}

GListModel *
kefu_audit_dialog_get_events (KefuAuditDialog *self)
{
  g_return_val_if_fail (KEFU_IS_AUDIT_DIALOG (self), NULL);

  return G_LIST_MODEL (self->events);
}

static void
kefu_audit_dialog_dispose (GObject *object)
{
  KefuAuditDialog *self = KEFU_AUDIT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_AUDIT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->events);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_audit_dialog_parent_class)->dispose (object);
}

static void
kefu_audit_dialog_finalize (GObject *object)
{
  KefuAuditDialog *self = KEFU_AUDIT_DIALOG (object);

  g_free (self->entity);
  g_array_unref (self->staff_ids);

  G_OBJECT_CLASS (kefu_audit_dialog_parent_class)->finalize (object);
}

static void
kefu_audit_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KefuAuditDialog *self = KEFU_AUDIT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_audit_dialog_class_init (KefuAuditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_audit_dialog_dispose;
  object_class->finalize = kefu_audit_dialog_finalize;
  object_class->get_property = kefu_audit_dialog_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KefuAuditDialog::open-record:
   * @entity: the record's entity, as its events name it
   * @entity_id: its id
   */
  signals[OPEN_RECORD] = g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                       G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-audit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuAuditDialog, filter_group);
  gtk_widget_class_bind_template_child (widget_class, KefuAuditDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, KefuAuditDialog, more_button);
  gtk_widget_class_bind_template_child (widget_class, KefuAuditDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, KefuAuditDialog, staff_row);
  gtk_widget_class_bind_template_child (widget_class, KefuAuditDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "audit.more", NULL, more_action);
}

static void
kefu_audit_dialog_init (KefuAuditDialog *self)
{
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->events = g_list_store_new (KEFU_TYPE_EVENT);
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of period_days. */
  gtk_string_list_append (periods, _("Last 7 days"));
  gtk_string_list_append (periods, _("Today"));
  gtk_string_list_append (periods, _("Last 30 days"));
  gtk_string_list_append (periods, _("Last 365 days"));
  gtk_string_list_append (periods, _("All time"));
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (periods));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             g_object_ref (G_LIST_MODEL (self->events)))));
  self->filling = FALSE;
}

KefuAuditDialog *
kefu_audit_dialog_new (KefuStore  *store,
                       const char *entity,
                       gint64      entity_id)
{
  KefuAuditDialog *self;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);

  self = g_object_new (KEFU_TYPE_AUDIT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->entity = g_strdup (entity);
  self->entity_id = entity_id;
  if (entity != NULL)
    {
      g_autofree char *record = kefu_audit_describe_record (entity, entity_id);
      /* Translators: the title of a record's history: “History of Complaint 12”. */
      g_autofree char *title = g_strdup_printf (_("History of %s"), record);

      adw_dialog_set_title (ADW_DIALOG (self), title);
      gtk_widget_set_visible (GTK_WIDGET (self->filter_group), FALSE);
    }
  else
    {
      self->reading_staff = TRUE;
      kefu_store_list_staff_async (store, FALSE, NULL, staff_cb, g_object_ref (self));
    }
  load (self, FALSE);
  return self;
}
