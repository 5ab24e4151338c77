/* kefu-complaint-page-fields.c: the fields captured at intake that
 * kefu_store_update_complaint_call () saves, read, compared, written and shown alike by the
 * merge with what others saved (kefu-complaint-page-merge.c) and by the note that keeps an
 * edit which can no longer be saved (kefu-complaint-page-keep.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"

#include "kefu-complaint-page-private.h"
#include "kefu-detail-format.h"

static const KefuComplaintPageField fields[] = {
  { "caller_name", "caller-name", FALSE, "caller-name", NC_("complaint field", "Caller's name") },
  { "phone", "phone", FALSE, "phone", NC_("complaint field", "Phone") },
  { "address", "address", FALSE, "address", NC_("complaint field", "Address") },
  { "subject", "subject", TRUE, "subject", NC_("complaint field", "Complaint about") },
  { "reason", "reason", TRUE, "reason", NC_("complaint field", "Reason") },
  { "explanation", "explanation", TRUE, "explanation", NC_("complaint field", "Explanation") },
  { "harmed", NULL, TRUE, "harmed", NC_("complaint field", "Customer harmed") },
  { "category", "category", TRUE, "category", NC_("complaint field", "Category") },
  { "product", NULL, TRUE, "product-id", NC_("complaint field", "Product") },
  { "symptom", "symptom", TRUE, "symptom", NC_("complaint field", "Symptom") },
  { "purchase_method", "purchase-method", TRUE, "purchase-method",
    NC_("complaint field", "Purchase method") },
  { "purchase_place", "purchase-place", TRUE, "purchase-place",
    NC_("complaint field", "Purchase place") },
  { "batch_number", "batch-number", TRUE, "batch-number", NC_("complaint field", "Batch number") },
  { "production_date", "production-date", TRUE, "production-date",
    NC_("complaint field", "Production date") },
  { "service_issue", "service-issue", TRUE, "service-issue",
    NC_("complaint field", "What went wrong") },
  { "staff_identity", "staff-identity", TRUE, "staff-identity",
    NC_("complaint field", "Staff name or number") },
  { "work_place", "work-place", TRUE, "work-place", NC_("complaint field", "Place of work") },
  { "work_manner", "work-manner", TRUE, "work-manner", NC_("complaint field", "Manner of work") },
  { "notes", "notes", FALSE, "notes", NC_("complaint field", "Notes") },
  { "received_at", "received-at", FALSE, "received-at", NC_("complaint field", "Received at") },
};

static GObject *
field_object (KefuCall                     *call,
              const KefuComplaintPageField *field)
{
  if (call == NULL)
    return NULL;
  return field->on_complaint ? G_OBJECT (kefu_call_get_complaint (call)) : G_OBJECT (call);
}

gboolean
_kefu_complaint_page_field_get (KefuCall                     *call,
                                const KefuComplaintPageField *field,
                                GValue                       *value)
{
  GObject *object = field_object (call, field);

  if (object == NULL)
    return FALSE;
  g_object_get_property (object, field->property,
                         g_value_init (value, g_object_class_find_property (G_OBJECT_GET_CLASS (object),
                                                                            field->property)->value_type));
  return TRUE;
}

gboolean
_kefu_complaint_page_field_equal (KefuCall                     *a,
                                  KefuCall                     *b,
                                  const KefuComplaintPageField *field)
{
  g_auto(GValue) x = G_VALUE_INIT;
  g_auto(GValue) y = G_VALUE_INIT;

  if (!_kefu_complaint_page_field_get (a, field, &x)
      || !_kefu_complaint_page_field_get (b, field, &y))
    return TRUE;
  return kefu_merge_values_equal (&x, &y);
}

void
_kefu_complaint_page_field_set (KefuCall                     *call,
                                const KefuComplaintPageField *field,
                                const GValue                 *value)
{
  GObject *object = field_object (call, field);

  if (object != NULL)
    g_object_set_property (object, field->property, value);
}

char *
_kefu_complaint_page_value_text (KefuComplaintPage *self,
                                 const GValue      *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);

      return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
    }
  if (type == G_TYPE_DATE_TIME)
    return g_value_get_boxed (value) != NULL
      ? kefu_detail_format_local_time (g_value_get_boxed (value)) : NULL;
  if (type == G_TYPE_DATE)
    {
      GDate *date = g_value_get_boxed (value);

      if (date == NULL || !g_date_valid (date))
        return NULL;
      return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date));
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? C_("complaint field value", "Yes")
                                                 : C_("complaint field value", "No"));
  if (type == KEFU_TYPE_COMPLAINT_CATEGORY)
    return g_value_get_enum (value) != 0
      ? g_strdup (kefu_complaint_category_get_display_name (g_value_get_enum (value))) : NULL;
  if (type == KEFU_TYPE_PRODUCT_SYMPTOM)
    return g_value_get_enum (value) != 0
      ? g_strdup (kefu_product_symptom_get_display_name (g_value_get_enum (value))) : NULL;
  if (type == KEFU_TYPE_SERVICE_ISSUE)
    return g_value_get_enum (value) != 0
      ? g_strdup (kefu_service_issue_get_display_name (g_value_get_enum (value))) : NULL;
  if (type == G_TYPE_INT64)
    {
      /* The only number merged is the product: its name. */
      gint64 id = g_value_get_int64 (value);
      guint n = self->products != NULL ? g_list_model_get_n_items (self->products) : 0;

      if (id == 0)
        return NULL;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KefuProduct) product = g_list_model_get_item (self->products, i);

          if (kefu_record_get_id (KEFU_RECORD (product)) == id)
            return g_strdup (kefu_product_get_name (product));
        }
      return g_strdup_printf ("%" G_GINT64_FORMAT, id);
    }

  return NULL;
}

const KefuComplaintPageField *
_kefu_complaint_page_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

/* The same fields as the core merge sees them: a field of the complaint is "complaint.<name>"
 * of the call. */
const KefuMergeField *
_kefu_complaint_page_merge_fields (guint *n_fields)
{
  static KefuMergeField merge_fields[G_N_ELEMENTS (fields)];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autofree char *path = g_strconcat ("complaint.", fields[i].property, NULL);

          merge_fields[i].key = fields[i].key;
          merge_fields[i].property = fields[i].on_complaint ? g_intern_string (path)
                                                            : fields[i].property;
          merge_fields[i].context = "complaint field";
          merge_fields[i].label = fields[i].label;
        }
      g_once_init_leave (&initialized, 1);
    }
  *n_fields = G_N_ELEMENTS (merge_fields);
  return merge_fields;
}

const char *
_kefu_complaint_page_field_label (const KefuComplaintPageField *field)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "complaint field", field->label);
}
