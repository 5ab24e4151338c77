/* kefu-dashboard-records-dialog.c: the records behind a dashboard figure (see
 * kefu-dashboard-records-dialog.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/kefu-lazy-item.h"
#include "widgets/kefu-lazy-list-model.h"
#include "widgets/kefu-lazy-table.h"
#include "widgets/kefu-table-cell.h"

#include "kefu-dashboard-line.h"
#include "kefu-dashboard-records-dialog.h"

typedef enum
{
  CELL_REFERENCE,
  CELL_AT,
  CELL_CUSTOMER,
  CELL_STAFF,
  CELL_STATE,
} Cell;

/* The query of the ids: the dashboard's period and filter, and the figure. */
typedef struct
{
  KefuDashboardQuery  query;
  KefuDashboardFigure figure;
  gint64              key;
} RecordsQuery;

struct _KefuDashboardRecordsDialog
{
  AdwDialog            parent_instance;

  KefuStore           *store;
  KefuLazyListModel   *model;
  KefuLazyTable       *table;
  KefuDashboardRecordKind kind;
  char                *subtitle;

  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  GtkColumnViewColumn *reference_column;
  GtkColumnViewColumn *at_column;
  GtkColumnViewColumn *customer_column;
  GtkColumnViewColumn *staff_column;
  GtkColumnViewColumn *state_column;
};

G_DEFINE_FINAL_TYPE (KefuDashboardRecordsDialog, kefu_dashboard_records_dialog, ADW_TYPE_DIALOG)

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

/* The store's side, on its worker thread */

static gpointer
query_copy (gpointer query)
{
  return g_memdup2 (query, sizeof (RecordsQuery));
}

static GArray *
read_ids (KefuStore     *store,
          gconstpointer  data,
          GCancellable  *cancellable,
          GError       **error)
{
  const RecordsQuery *query = data;

  return kefu_store_dashboard_record_ids (store, &query->query, query->figure, query->key,
                                          cancellable, error);
}

/* The page function has no query: one a kind of record. */
#define READ_PAGE(name, KIND) \
  static GPtrArray * \
  name (KefuStore *store, const gint64 *ids, guint n_ids, GCancellable *cancellable, \
        GError **error) \
  { \
    return kefu_dashboard_lines_read (store, KIND, ids, n_ids, cancellable, error); \
  }
READ_PAGE (read_calls, KEFU_DASHBOARD_RECORD_CALL)
READ_PAGE (read_complaints, KEFU_DASHBOARD_RECORD_COMPLAINT)
READ_PAGE (read_callbacks, KEFU_DASHBOARD_RECORD_CALLBACK)
READ_PAGE (read_customers, KEFU_DASHBOARD_RECORD_CUSTOMER)
READ_PAGE (read_shipments, KEFU_DASHBOARD_RECORD_SHIPMENT)
READ_PAGE (read_jobs, KEFU_DASHBOARD_RECORD_JOB)

static KefuLazyListPageFunc
page_func (KefuDashboardRecordKind kind)
{
  switch (kind)
    {
    case KEFU_DASHBOARD_RECORD_CALL:
      return read_calls;
    case KEFU_DASHBOARD_RECORD_COMPLAINT:
      return read_complaints;
    case KEFU_DASHBOARD_RECORD_CALLBACK:
      return read_callbacks;
    case KEFU_DASHBOARD_RECORD_CUSTOMER:
      return read_customers;
    case KEFU_DASHBOARD_RECORD_SHIPMENT:
      return read_shipments;
    case KEFU_DASHBOARD_RECORD_JOB:
    default:
      return read_jobs;
    }
}

static gint64
line_id (gpointer value)
{
  return kefu_dashboard_line_get_record (value)->id;
}

/* Cells */

static char *
cell_text (const KefuDashboardRecord *record,
           Cell                       cell)
{
  switch (cell)
    {
    case CELL_REFERENCE:
      return g_strdup (record->reference != NULL ? record->reference : "");
    case CELL_AT:
      if (record->at != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (record->at);

          return g_date_time_format (local, "%Y-%m-%d %H:%M");
        }
      return g_strdup ("");
    case CELL_CUSTOMER:
      return g_strdup (record->customer != NULL ? record->customer : "");
    case CELL_STAFF:
      return g_strdup (record->staff != NULL ? record->staff : "");
    case CELL_STATE:
    default:
      return g_strdup (record->state != NULL ? record->state : "");
    }
}

static const KefuDashboardRecord *
cell_record (GtkColumnViewCell *cell)
{
  KefuLazyItem *item = gtk_column_view_cell_get_item (cell);
  KefuDashboardLine *line = item != NULL ? kefu_lazy_item_get_value (item) : NULL;

  return line != NULL ? kefu_dashboard_line_get_record (line) : NULL;
}

static void
cell_refresh (GtkColumnViewCell *cell)
{
  GtkWidget *label = gtk_column_view_cell_get_child (cell);
  Cell kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "kefu-cell"));
  const KefuDashboardRecord *record = cell_record (cell);
  g_autofree char *text = record != NULL ? cell_text (record, kind) : NULL;

  kefu_table_cell_set_label (label, text != NULL ? text : "");
}

static char *
cell_tooltip (GtkColumnViewCell *cell)
{
  GtkWidget *label = gtk_column_view_cell_get_child (cell);
  Cell kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "kefu-cell"));
  const KefuDashboardRecord *record = cell_record (cell);
  g_autofree char *text = record != NULL ? cell_text (record, kind) : NULL;

  /* Only what the column may have cut short. */
  return text != NULL && g_utf8_strlen (text, -1) > 12 ? g_steal_pointer (&text) : NULL;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkColumnViewCell        *cell,
               gpointer                  user_data)
{
  Cell kind = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = kefu_table_cell_new_label ();

  if (kind == CELL_REFERENCE || kind == CELL_AT)
    gtk_widget_add_css_class (label, "numeric");
  kefu_table_cell_set_line_height (GTK_LIST_ITEM_FACTORY (factory), label);
  g_object_set_data (G_OBJECT (label), "kefu-cell", GUINT_TO_POINTER (kind));
  gtk_column_view_cell_set_child (cell, label);
}

/* The column titles say what the records are. */
static void
set_titles (KefuDashboardRecordsDialog *self)
{
  const char *reference = C_("dashboard records column", "Number");
  const char *at = C_("dashboard records column", "When");
  const char *staff = C_("dashboard records column", "Clerk");
  const char *state = C_("dashboard records column", "Stage");

  switch (self->kind)
    {
    case KEFU_DASHBOARD_RECORD_CALL:
      at = C_("dashboard records column", "Received");
      state = C_("dashboard records column", "Kind");
      break;
    case KEFU_DASHBOARD_RECORD_COMPLAINT:
      at = C_("dashboard records column", "Received");
      staff = C_("dashboard records column", "Owner");
      break;
    case KEFU_DASHBOARD_RECORD_CALLBACK:
      reference = C_("dashboard records column", "Reason");
      at = C_("dashboard records column", "Due");
      state = C_("dashboard records column", "Outcome");
      break;
    case KEFU_DASHBOARD_RECORD_CUSTOMER:
      reference = C_("dashboard records column", "Phone");
      at = C_("dashboard records column", "Last Contact");
      staff = C_("dashboard records column", "Assigned Clerk");
      state = C_("dashboard records column", "Member Number");
      break;
    case KEFU_DASHBOARD_RECORD_SHIPMENT:
      at = C_("dashboard records column", "Requested");
      staff = C_("dashboard records column", "Account Manager");
      state = C_("dashboard records column", "Step");
      break;
    case KEFU_DASHBOARD_RECORD_JOB:
    default:
      at = C_("dashboard records column", "Reported");
      staff = C_("dashboard records column", "Technician");
      state = C_("dashboard records column", "Step");
      break;
    }
  gtk_column_view_column_set_title (self->reference_column, reference);
  gtk_column_view_column_set_title (self->at_column, at);
  gtk_column_view_column_set_title (self->customer_column,
                                    C_("dashboard records column", "Customer"));
  gtk_column_view_column_set_title (self->staff_column, staff);
  gtk_column_view_column_set_title (self->state_column, state);
}

/* The count in the subtitle, once the ids are read. */
static void
update_subtitle (KefuDashboardRecordsDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  if (kefu_lazy_list_model_get_loading (self->model))
    {
      adw_window_title_set_subtitle (self->window_title, self->subtitle);
      return;
    }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record", "%u records", n), n);
  /* Translators: the dashboard records dialog's subtitle: the period, then how many. */
  text = g_strdup_printf (C_("dashboard records subtitle", "%s · %s"), self->subtitle, count);
  adw_window_title_set_subtitle (self->window_title, text);
}

static void
show_empty (GtkWidget *owner)
{
}

static void
activate_cb (KefuDashboardRecordsDialog *self,
             guint                       position)
{
  kefu_dashboard_records_dialog_activate (self, position);
}

void
kefu_dashboard_records_dialog_activate (KefuDashboardRecordsDialog *self,
                                        guint                       position)
{
  gint64 id;

  g_return_if_fail (KEFU_IS_DASHBOARD_RECORDS_DIALOG (self));

  id = kefu_lazy_list_model_get_id (self->model, position);
  if (id <= 0)
    return;
  g_object_ref (self);
  g_signal_emit (self, signals[OPEN_RECORD], 0, (int) self->kind, id);
  adw_dialog_close (ADW_DIALOG (self));
  g_object_unref (self);
}

static void
kefu_dashboard_records_dialog_dispose (GObject *object)
{
  KefuDashboardRecordsDialog *self = KEFU_DASHBOARD_RECORDS_DIALOG (object);

  g_clear_pointer (&self->table, kefu_lazy_table_free);
  if (self->model != NULL)
    kefu_lazy_list_model_set_store (self->model, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_DASHBOARD_RECORDS_DIALOG);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_dashboard_records_dialog_parent_class)->dispose (object);
}

static void
kefu_dashboard_records_dialog_finalize (GObject *object)
{
  KefuDashboardRecordsDialog *self = KEFU_DASHBOARD_RECORDS_DIALOG (object);

  g_free (self->subtitle);

  G_OBJECT_CLASS (kefu_dashboard_records_dialog_parent_class)->finalize (object);
}

static void
kefu_dashboard_records_dialog_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  KefuDashboardRecordsDialog *self = KEFU_DASHBOARD_RECORDS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, kefu_dashboard_records_dialog_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_dashboard_records_dialog_class_init (KefuDashboardRecordsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_dashboard_records_dialog_dispose;
  object_class->finalize = kefu_dashboard_records_dialog_finalize;
  object_class->get_property = kefu_dashboard_records_dialog_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_RECORD] =
    g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-dashboard-records-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardRecordsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardRecordsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardRecordsDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardRecordsDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardRecordsDialog, selection);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardRecordsDialog, reference_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardRecordsDialog, at_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardRecordsDialog, customer_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardRecordsDialog, staff_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDashboardRecordsDialog, state_column);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
}

static void
kefu_dashboard_records_dialog_init (KefuDashboardRecordsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

KefuDashboardRecordsDialog *
kefu_dashboard_records_dialog_new (KefuStore                *store,
                                   const KefuDashboardQuery *query,
                                   KefuDashboardFigure       figure,
                                   gint64                    key,
                                   const char               *title,
                                   const char               *subtitle)
{
  KefuDashboardRecordsDialog *self;
  RecordsQuery records_query = { 0 };
  GtkColumnViewColumn *columns[] = { NULL, NULL, NULL, NULL, NULL };

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (KEFU_TYPE_DASHBOARD_RECORDS_DIALOG, "title", title, NULL);
  self->store = g_object_ref (store);
  self->kind = kefu_dashboard_figure_record_kind (figure);
  self->subtitle = g_strdup (subtitle != NULL ? subtitle : "");
  adw_window_title_set_title (self->window_title, title);
  set_titles (self);

  columns[CELL_REFERENCE] = self->reference_column;
  columns[CELL_AT] = self->at_column;
  columns[CELL_CUSTOMER] = self->customer_column;
  columns[CELL_STAFF] = self->staff_column;
  columns[CELL_STATE] = self->state_column;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    kefu_table_cell_set_factory (columns[i], i, G_CALLBACK (cell_setup_cb), cell_refresh,
                                 cell_tooltip);

  self->model = kefu_lazy_list_model_new (read_ids, page_func (self->kind), line_id);
  records_query.query = *query;
  records_query.figure = figure;
  records_query.key = key;
  /* The model takes the query. */
  kefu_lazy_list_model_set_query (self->model, query_copy (&records_query), query_copy, g_free);
  self->table = kefu_lazy_table_new (GTK_WIDGET (self), self->model, self->selection, self->stack,
                                     self->error_page, properties[PROP_BUSY], "dashboard records",
                                     show_empty);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (update_subtitle), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_subtitle), self,
                           G_CONNECT_SWAPPED);
  kefu_lazy_table_set_store (self->table, store);
  update_subtitle (self);
  return self;
}

guint
kefu_dashboard_records_dialog_get_n_records (KefuDashboardRecordsDialog *self)
{
  g_return_val_if_fail (KEFU_IS_DASHBOARD_RECORDS_DIALOG (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

gboolean
kefu_dashboard_records_dialog_get_busy (KefuDashboardRecordsDialog *self)
{
  g_return_val_if_fail (KEFU_IS_DASHBOARD_RECORDS_DIALOG (self), FALSE);
  return self->table != NULL && kefu_lazy_table_get_busy (self->table);
}
