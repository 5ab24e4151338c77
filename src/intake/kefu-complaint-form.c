/* kefu-complaint-form.c: the complaint call's part of the call form.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-form"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-call-rules.h"
#include "core/kefu-enums.h"

#include "kefu-complaint-form.h"
#include "kefu-form-field.h"
#include "kefu-text-row.h"

struct _KefuComplaintForm
{
  AdwBin             parent_instance;

  KefuComplaint     *complaint;
  GListModel        *products;
  /* "Not known" followed by the products, for the complaint's product. */
  GListStore        *product_sections;
  GtkFlattenListModel *product_choices;
  GBindingGroup     *bindings;
  GSignalGroup      *complaint_signals;
  /* Set while the form writes the complaint's values into its widgets. */
  gboolean           syncing;

  AdwEntryRow       *subject_row;
  KefuTextRow       *reason_row;
  AdwSwitchRow      *harmed_row;
  AdwSwitchRow      *well_founded_row;
  KefuTextRow       *explanation_row;
  AdwPreferencesGroup *category_group;
  AdwActionRow      *category_row;
  AdwToggleGroup    *category_toggles;
  AdwComboRow       *symptom_row;
  AdwEntryRow       *purchase_method_row;
  AdwEntryRow       *purchase_place_row;
  AdwEntryRow       *batch_number_row;
  AdwEntryRow       *production_date_row;
  GtkCalendar       *production_calendar;
  GtkMenuButton     *production_calendar_button;
  AdwComboRow       *product_row;
  AdwComboRow       *service_issue_row;
  AdwEntryRow       *staff_identity_row;
  AdwEntryRow       *work_place_row;
  AdwEntryRow       *work_manner_row;
};

G_DEFINE_FINAL_TYPE (KefuComplaintForm, kefu_complaint_form, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COMPLAINT,
  PROP_PRODUCTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
local_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static char *
format_date (const GDate *date)
{
  char text[32];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

/* The combo rows list every value of an enumeration, "Not specified" (0) first: a combo row
 * always shows one of its items. */
static gboolean
enum_to_position (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
position_to_enum (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  guint position = g_value_get_uint (from);

  g_value_set_enum (to, position == GTK_INVALID_LIST_POSITION ? 0 : (int) position);
  return TRUE;
}

static gboolean
category_to_name (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  int category = g_value_get_enum (from);

  g_value_set_string (to, category == KEFU_COMPLAINT_CATEGORY_UNSPECIFIED
                            ? NULL : kefu_enum_to_nick (KEFU_TYPE_COMPLAINT_CATEGORY, category));
  return TRUE;
}

static gboolean
name_to_category (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  const char *name = g_value_get_string (from);
  int category = KEFU_COMPLAINT_CATEGORY_UNSPECIFIED;

  if (name != NULL && !kefu_enum_from_nick (KEFU_TYPE_COMPLAINT_CATEGORY, name, &category))
    return FALSE;
  g_value_set_enum (to, category);
  return TRUE;
}

static void
update_category_rows (KefuComplaintForm *self)
{
  KefuComplaintCategory category = self->complaint != NULL
    ? kefu_complaint_get_category (self->complaint) : KEFU_COMPLAINT_CATEGORY_UNSPECIFIED;
  gboolean product = category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY;
  gboolean service = category == KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY;

  /* Only the fields of the chosen category are shown; what was typed into the others stays on
   * the complaint in case the clerk changes their mind. */
  gtk_widget_set_visible (GTK_WIDGET (self->symptom_row), product);
  gtk_widget_set_visible (GTK_WIDGET (self->purchase_method_row), product);
  gtk_widget_set_visible (GTK_WIDGET (self->purchase_place_row), product);
  gtk_widget_set_visible (GTK_WIDGET (self->batch_number_row), product);
  gtk_widget_set_visible (GTK_WIDGET (self->production_date_row), product);
  gtk_widget_set_visible (GTK_WIDGET (self->product_row), product);
  gtk_widget_set_visible (GTK_WIDGET (self->service_issue_row), service);
  gtk_widget_set_visible (GTK_WIDGET (self->staff_identity_row), service);
  gtk_widget_set_visible (GTK_WIDGET (self->work_place_row), service);
  gtk_widget_set_visible (GTK_WIDGET (self->work_manner_row), service);
}

static void
update_well_founded (KefuComplaintForm *self)
{
  gboolean well_founded = self->complaint == NULL || kefu_complaint_get_well_founded (self->complaint);

  gtk_widget_set_visible (GTK_WIDGET (self->explanation_row), !well_founded);
  gtk_widget_set_visible (GTK_WIDGET (self->category_group), well_founded);
}

static void
update_harmed (KefuComplaintForm *self)
{
  gboolean harmed = adw_switch_row_get_active (self->harmed_row);

  if (harmed)
    gtk_widget_add_css_class (GTK_WIDGET (self->harmed_row), "kefu-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->harmed_row), "kefu-active");

  /* A customer who was harmed is never "explained away" at intake: the most urgent case in the
   * whole procedure must reach the departments, so the judgement is fixed to well founded. */
  if (harmed && self->complaint != NULL && !kefu_complaint_get_well_founded (self->complaint))
    kefu_complaint_set_well_founded (self->complaint, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->well_founded_row), !harmed);
}

static void
sync_production_date (KefuComplaintForm *self)
{
  const GDate *date = self->complaint != NULL
    ? kefu_complaint_get_production_date (self->complaint) : NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->production_date_row));
  g_autofree char *new_text = NULL;
  GDate shown;

  g_date_clear (&shown, 1);
  /* Text that means the same date (2026年11月20日) stays as the clerk typed it; text that does
   * not parse stays too, with its reason. */
  if (kefu_date_parse (text, &shown, NULL))
    {
      if (date != NULL && g_date_compare (&shown, date) == 0)
        return;
    }
  else if (date == NULL)
    return;

  new_text = format_date (date);
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->production_date_row), new_text);
  self->syncing = FALSE;
}

static guint
product_position (KefuComplaintForm *self,
                  gint64             product_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->product_choices));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuProduct) product = g_list_model_get_item (G_LIST_MODEL (self->product_choices), i);

      if (kefu_record_get_id (KEFU_RECORD (product)) == product_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
sync_product (KefuComplaintForm *self)
{
  gint64 product_id = self->complaint != NULL ? kefu_complaint_get_product_id (self->complaint) : 0;
  guint position = product_position (self, product_id);

  if (adw_combo_row_get_selected (self->product_row) == position)
    return;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->product_row, position);
  self->syncing = FALSE;
}

static void
complaint_notify_cb (KefuComplaintForm *self,
                     GParamSpec        *pspec,
                     KefuComplaint     *complaint)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "category"))
    update_category_rows (self);
  else if (g_str_equal (name, "well-founded"))
    update_well_founded (self);
  else if (g_str_equal (name, "production-date"))
    sync_production_date (self);
  else if (g_str_equal (name, "product-id"))
    sync_product (self);
}

static void
harmed_changed_cb (KefuComplaintForm *self)
{
  update_harmed (self);
}

/* See kefu-order-line-row.c: the combo row keeps an item selected by itself when the products
 * change; that is not the clerk's choice. */
static void
choices_changing_cb (KefuComplaintForm *self)
{
  self->syncing = TRUE;
}

static void
choices_changed_cb (KefuComplaintForm *self)
{
  self->syncing = FALSE;
  sync_product (self);
}

static void
product_selected_cb (KefuComplaintForm *self)
{
  KefuProduct *product;

  if (self->syncing || self->complaint == NULL)
    return;

  product = adw_combo_row_get_selected_item (self->product_row);
  kefu_complaint_set_product_id (self->complaint,
                                 product != NULL ? kefu_record_get_id (KEFU_RECORD (product)) : 0);
}

static void
production_date_changed_cb (KefuComplaintForm *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->production_date_row));
  GDate today, date;
  gboolean ok;

  if (self->syncing || self->complaint == NULL)
    return;

  local_today (&today);
  g_date_clear (&date, 1);
  ok = kefu_complaint_form_parse_production_date (text, &today, &date, &error);

  /* A date after today is kept on the complaint (the call's validation refuses it too), so
   * that a draft does not lose it; text that is not a date leaves no date. */
  self->syncing = TRUE;
  if (g_date_valid (&date))
    kefu_complaint_set_production_date (self->complaint, &date);
  else
    kefu_complaint_set_production_date (self->complaint, NULL);
  self->syncing = FALSE;

  kefu_form_field_set_parse_error (GTK_WIDGET (self->production_date_row),
                                   ok ? NULL : error->message);
}

static void
calendar_day_selected_cb (KefuComplaintForm *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->production_calendar);
  g_autofree char *text = g_date_time_format (picked, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->production_date_row), text);
  gtk_menu_button_popdown (self->production_calendar_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->production_date_row));
}

static void
calendar_popover_show_cb (KefuComplaintForm *self)
{
  const GDate *date = self->complaint != NULL
    ? kefu_complaint_get_production_date (self->complaint) : NULL;
  g_autoptr(GDateTime) shown = NULL;

  /* The calendar opens on the date typed so far, or today. */
  if (date != NULL && g_date_valid (date))
    shown = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                   g_date_get_day (date), 0, 0, 0);
  else
    shown = g_date_time_new_now_local ();

  g_signal_handlers_block_by_func (self->production_calendar, calendar_day_selected_cb, self);
  gtk_calendar_select_day (self->production_calendar, shown);
  g_signal_handlers_unblock_by_func (self->production_calendar, calendar_day_selected_cb, self);
}

static void
batch_number_changed_cb (KefuComplaintForm *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->batch_number_row));

  /* A batch number that is too long or has characters no batch number has is a typing
   * mistake: say so at once. */
  kefu_batch_number_validate (text, NULL, &error);
  kefu_form_field_set_parse_error (GTK_WIDGET (self->batch_number_row),
                                   error != NULL ? error->message : NULL);
}

static GListModel *
make_enum_names (GType         enum_type,
                 const char * (*display_name) (int value))
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; i < enum_class->n_values; i++)
    gtk_string_list_append (names, display_name (enum_class->values[i].value));

  return G_LIST_MODEL (names);
}

static const char *
symptom_name (int value)
{
  return kefu_product_symptom_get_display_name (value);
}

static const char *
service_issue_name (int value)
{
  return kefu_service_issue_get_display_name (value);
}

static void
kefu_complaint_form_dispose (GObject *object)
{
  KefuComplaintForm *self = KEFU_COMPLAINT_FORM (object);

  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  if (self->complaint_signals != NULL)
    g_signal_group_set_target (self->complaint_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_COMPLAINT_FORM);
  g_clear_object (&self->bindings);
  g_clear_object (&self->complaint_signals);
  g_clear_object (&self->complaint);
  g_clear_object (&self->products);
  g_clear_object (&self->product_choices);
  g_clear_object (&self->product_sections);

  G_OBJECT_CLASS (kefu_complaint_form_parent_class)->dispose (object);
}

static void
kefu_complaint_form_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KefuComplaintForm *self = KEFU_COMPLAINT_FORM (object);

  switch (prop_id)
    {
    case PROP_COMPLAINT:
      g_value_set_object (value, self->complaint);
      break;
    case PROP_PRODUCTS:
      g_value_set_object (value, self->products);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_form_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KefuComplaintForm *self = KEFU_COMPLAINT_FORM (object);

  switch (prop_id)
    {
    case PROP_COMPLAINT:
      kefu_complaint_form_set_complaint (self, g_value_get_object (value));
      break;
    case PROP_PRODUCTS:
      kefu_complaint_form_set_products (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_form_class_init (KefuComplaintFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_complaint_form_dispose;
  object_class->get_property = kefu_complaint_form_get_property;
  object_class->set_property = kefu_complaint_form_set_property;

  properties[PROP_COMPLAINT] =
    g_param_spec_object ("complaint", NULL, NULL, KEFU_TYPE_COMPLAINT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PRODUCTS] =
    g_param_spec_object ("products", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEFU_TYPE_TEXT_ROW);
  g_type_ensure (ADW_TYPE_TOGGLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-complaint-form.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, batch_number_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, category_group);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, category_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, category_toggles);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, explanation_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, harmed_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, product_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, production_calendar);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, production_calendar_button);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, production_date_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, purchase_method_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, purchase_place_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, reason_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, service_issue_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, staff_identity_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, subject_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, symptom_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, well_founded_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, work_manner_row);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintForm, work_place_row);
  gtk_widget_class_bind_template_callback (widget_class, batch_number_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, harmed_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, product_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, production_date_changed_cb);
}

static void
kefu_complaint_form_init (KefuComplaintForm *self)
{
  g_autoptr(GListModel) symptoms = NULL;
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GListStore) unknown = g_list_store_new (KEFU_TYPE_PRODUCT);
  g_autoptr(KefuProduct) not_known = kefu_product_new ();
  g_autoptr(GtkExpression) name = NULL;

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  symptoms = make_enum_names (KEFU_TYPE_PRODUCT_SYMPTOM, symptom_name);
  issues = make_enum_names (KEFU_TYPE_SERVICE_ISSUE, service_issue_name);
  adw_combo_row_set_model (self->symptom_row, symptoms);
  adw_combo_row_set_model (self->service_issue_row, issues);

  /* The product of a product-quality complaint is optional: the caller may not know it. */
  kefu_product_set_name (not_known, _("Not known"));
  g_list_store_append (unknown, not_known);
  self->product_sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->product_sections, unknown);
  self->product_choices = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->product_sections)));
  g_signal_connect_object (self->product_choices, "items-changed",
                           G_CALLBACK (choices_changing_cb), self, G_CONNECT_SWAPPED);
  name = gtk_property_expression_new (KEFU_TYPE_PRODUCT, NULL, "name");
  adw_combo_row_set_expression (self->product_row, name);
  adw_combo_row_set_model (self->product_row, G_LIST_MODEL (self->product_choices));
  g_signal_connect_object (self->product_choices, "items-changed",
                           G_CALLBACK (choices_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->syncing = FALSE;

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "subject", self->subject_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "reason", self->reason_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "harmed", self->harmed_row, "active",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "well-founded", self->well_founded_row, "active",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "explanation", self->explanation_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind_full (self->bindings, "category", self->category_toggles, "active-name",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             category_to_name, name_to_category, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "symptom", self->symptom_row, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             enum_to_position, position_to_enum, NULL, NULL);
  g_binding_group_bind (self->bindings, "purchase-method", self->purchase_method_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "purchase-place", self->purchase_place_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "batch-number", self->batch_number_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind_full (self->bindings, "service-issue", self->service_issue_row, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             enum_to_position, position_to_enum, NULL, NULL);
  g_binding_group_bind (self->bindings, "staff-identity", self->staff_identity_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "work-place", self->work_place_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "work-manner", self->work_manner_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  self->complaint_signals = g_signal_group_new (KEFU_TYPE_COMPLAINT);
  g_signal_group_connect_swapped (self->complaint_signals, "notify",
                                  G_CALLBACK (complaint_notify_cb), self);

  kefu_form_field_setup (GTK_WIDGET (self->subject_row), "subject");
  kefu_form_field_setup (GTK_WIDGET (self->reason_row), "reason");
  kefu_form_field_setup (GTK_WIDGET (self->explanation_row), "explanation");
  kefu_form_field_setup (GTK_WIDGET (self->category_row), "category");
  kefu_form_field_setup (GTK_WIDGET (self->symptom_row), "symptom");
  kefu_form_field_setup (GTK_WIDGET (self->purchase_method_row), "purchase-method");
  kefu_form_field_setup (GTK_WIDGET (self->purchase_place_row), "purchase-place");
  kefu_form_field_setup (GTK_WIDGET (self->batch_number_row), "batch-number");
  kefu_form_field_setup (GTK_WIDGET (self->production_date_row), "production-date");
  kefu_form_field_setup (GTK_WIDGET (self->service_issue_row), "service-issue");
  kefu_form_field_setup (GTK_WIDGET (self->staff_identity_row), "staff-identity");
  kefu_form_field_setup (GTK_WIDGET (self->work_place_row), "work-place");
  kefu_form_field_setup (GTK_WIDGET (self->work_manner_row), "work-manner");

  update_category_rows (self);
  update_well_founded (self);
  update_harmed (self);
}

GtkWidget *
kefu_complaint_form_new (void)
{
  return g_object_new (KEFU_TYPE_COMPLAINT_FORM, NULL);
}

KefuComplaint *
kefu_complaint_form_get_complaint (KefuComplaintForm *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_FORM (self), NULL);

  return self->complaint;
}

void
kefu_complaint_form_set_complaint (KefuComplaintForm *self,
                                   KefuComplaint     *complaint)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_FORM (self));
  g_return_if_fail (complaint == NULL || KEFU_IS_COMPLAINT (complaint));

  if (!g_set_object (&self->complaint, complaint))
    return;

  g_binding_group_set_source (self->bindings, complaint);
  g_signal_group_set_target (self->complaint_signals, complaint);
  update_category_rows (self);
  update_well_founded (self);
  sync_production_date (self);
  sync_product (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT]);
}

void
kefu_complaint_form_set_products (KefuComplaintForm *self,
                                  GListModel        *products)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_FORM (self));
  g_return_if_fail (products == NULL || G_IS_LIST_MODEL (products));

  if (self->products == products)
    return;

  if (self->products != NULL)
    g_list_store_remove (self->product_sections, 1);
  g_set_object (&self->products, products);
  if (products != NULL)
    g_list_store_append (self->product_sections, products);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCTS]);
}

void
kefu_complaint_form_focus_first (KefuComplaintForm *self)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->subject_row));
}

gboolean
kefu_complaint_form_parse_production_date (const char   *text,
                                           const GDate  *today,
                                           GDate        *date,
                                           GError      **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  /* The caller may not have the package at hand: no date is not a mistake. */
  if (*trimmed == '\0')
    return TRUE;

  if (!kefu_date_parse (trimmed, date, error))
    {
      g_date_clear (date, 1);
      return FALSE;
    }

  return kefu_production_date_validate (date, today, error);
}
