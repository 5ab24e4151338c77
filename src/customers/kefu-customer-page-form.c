/* kefu-customer-page-form.c: the customer page's form: filling it from a record, its phone
 * rows, and checking what was typed as the store will.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-phone.h"
#include "core/kefu-text.h"

#include "kefu-customer-page-private.h"

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return NULL;

  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Field errors */

void
_kefu_customer_page_show_problem (GtkWidget  *field,
                                  GtkLabel   *label,
                                  const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_label_set_label (label, message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, label, NULL,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (field),
                                     GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE);
    }
}

char *
_kefu_customer_page_notes_text (KefuCustomerPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The same checks, with the same field names, as the store applies (kefu-store-customers.c),
 * so that nothing the form accepts is refused on save. Returns the first field in error. */
GtkWidget *
_kefu_customer_page_check_text_fields (KefuCustomerPage *self)
{
  g_autofree char *notes = _kefu_customer_page_notes_text (self);
  GtkWidget *first = NULL;
  struct {
    GtkWidget  *field;
    GtkLabel   *label;
    const char *text;
    guint       max;
    gboolean    required;
    gboolean    multi_line;
    const char *name;
  } checks[] = {
    { GTK_WIDGET (self->name_row), self->name_error,
      gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
      /* Translators: a customer's name (姓名) as the form's reasons name it. */
      KEFU_TEXT_MAX_NAME, TRUE, FALSE, C_("customer field", "Name") },
    { GTK_WIDGET (self->address_row), self->address_error,
      gtk_editable_get_text (GTK_EDITABLE (self->address_row)),
      KEFU_TEXT_MAX_ADDRESS, FALSE, TRUE, _("Address") },
    { GTK_WIDGET (self->district_row), self->district_error,
      gtk_editable_get_text (GTK_EDITABLE (self->district_row)),
      KEFU_TEXT_MAX_DISTRICT, FALSE, FALSE, _("District") },
    { GTK_WIDGET (self->member_number_row), self->member_number_error,
      gtk_editable_get_text (GTK_EDITABLE (self->member_number_row)),
      KEFU_TEXT_MAX_CODE, FALSE, FALSE, _("Member number") },
    { GTK_WIDGET (self->notes_view), self->notes_error, notes,
      KEFU_TEXT_MAX_NOTES, FALSE, TRUE, _("Notes") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (checks[i].multi_line)
        ok = kefu_text_validate (checks[i].text, checks[i].max, checks[i].required,
                                 checks[i].name, &error);
      else
        ok = kefu_text_validate_line (checks[i].text, checks[i].max, checks[i].required,
                                      checks[i].name, &error);

      _kefu_customer_page_show_problem (checks[i].field, checks[i].label,
                                        ok ? NULL : error->message);
      if (!ok && first == NULL)
        first = checks[i].field;
    }

  return first;
}

/* Checks every phone row: each a valid number, none twice, at least one. `normalized` (when not
 * NULL) receives the numbers as the store keeps them. Returns the first row in error. */
GtkWidget *
_kefu_customer_page_check_phones (KefuCustomerPage  *self,
                                  GStrv             *normalized)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *message = NULL;
  GtkWidget *first = NULL;

  for (guint i = 0; i < self->phone_rows->len; i++)
    {
      GtkWidget *row = self->phone_rows->pdata[i];
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
      g_autoptr(GError) error = NULL;
      g_autofree char *number = NULL;

      gtk_widget_remove_css_class (row, "error");
      if (*text == '\0')
        continue;

      number = kefu_phone_normalize (text, NULL, &error);
      if (number == NULL)
        {
          if (message == NULL)
            /* Translators: a phone number the customer form refuses: the number as typed and
             * the reason, e.g. "138 1234 567: A mobile number has 11 digits; this one has 10." */
            message = g_strdup_printf (_("%s: %s"), text, error->message);
        }
      else if (g_hash_table_contains (seen, number))
        {
          if (message == NULL)
            /* Translators: %s is a phone number typed twice in the customer form. */
            message = g_strdup_printf (_("%s is listed twice."), text);
        }
      else
        {
          g_strv_builder_add (builder, number);
          g_hash_table_add (seen, g_steal_pointer (&number));
          continue;
        }

      gtk_widget_add_css_class (row, "error");
      if (first == NULL)
        first = row;
    }

  if (message == NULL && g_hash_table_size (seen) == 0)
    {
      message = g_strdup (_("Enter at least one phone number: customers are found by it."));
      first = self->phone_rows->len > 0 ? self->phone_rows->pdata[0] : self->add_phone_row;
    }

  _kefu_customer_page_show_problem (GTK_WIDGET (self->phones_list), self->phones_error, message);
  if (normalized != NULL)
    *normalized = g_strv_builder_end (builder);

  return first;
}

/* Phone rows */

static void
remove_phone_clicked_cb (GtkButton   *button,
                         AdwEntryRow *row)
{
  KefuCustomerPage *self = KEFU_CUSTOMER_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row),
                                                                        KEFU_TYPE_CUSTOMER_PAGE));

  g_ptr_array_remove (self->phone_rows, row);
  gtk_list_box_remove (self->phones_list, GTK_WIDGET (row));
  _kefu_customer_page_field_changed_cb (self);
  _kefu_customer_page_check_phones (self, NULL);
}

AdwEntryRow *
_kefu_customer_page_add_phone_row (KefuCustomerPage *self,
                                   const char       *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Phone"));
  adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_PHONE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove This Phone Number"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove this phone number"),
                                  -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_phone_clicked_cb), row);
  adw_entry_row_add_suffix (row, remove);

  g_signal_connect_swapped (row, "changed", G_CALLBACK (_kefu_customer_page_field_changed_cb),
                            self);

  gtk_list_box_insert (self->phones_list, GTK_WIDGET (row), self->phone_rows->len);
  g_ptr_array_add (self->phone_rows, row);
  return row;
}

static void
clear_phone_rows (KefuCustomerPage *self)
{
  for (guint i = 0; i < self->phone_rows->len; i++)
    gtk_list_box_remove (self->phones_list, self->phone_rows->pdata[i]);
  g_ptr_array_set_size (self->phone_rows, 0);
}

/* Showing a record */

void
_kefu_customer_page_show_assignment (KefuCustomerPage *self,
                                     KefuCustomer     *customer)
{
  const char *clerk = kefu_customer_get_assigned_clerk_name (customer);
  g_autofree char *assigned_at = format_time (kefu_customer_get_assigned_at (customer));
  g_autofree char *first_contact = format_time (kefu_customer_get_first_contact_at (customer));
  gboolean assigned = kefu_customer_get_assigned_clerk_id (customer) != 0;

  adw_action_row_set_subtitle (self->clerk_row,
                               assigned ? clerk : _("Not assigned to a clerk"));
  gtk_widget_set_visible (GTK_WIDGET (self->assigned_at_row), assigned && assigned_at != NULL);
  adw_action_row_set_subtitle (self->assigned_at_row, assigned_at ? assigned_at : "");
  gtk_widget_set_visible (GTK_WIDGET (self->first_contact_row), assigned);
  adw_action_row_set_subtitle (self->first_contact_row,
                               first_contact ? first_contact
                                             : _("Not yet: on the clerk’s list to contact"));
}

void
_kefu_customer_page_fill_form (KefuCustomerPage *self,
                               KefuCustomer     *customer)
{
  const char * const *phones = kefu_customer_get_phones (customer);
  const char *name = kefu_customer_get_name (customer);

  self->filling = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  clear_phone_rows (self);
  for (guint i = 0; phones != NULL && phones[i] != NULL; i++)
    {
      g_autofree char *formatted = kefu_phone_format (phones[i]);

      _kefu_customer_page_add_phone_row (self, formatted);
    }
  if (self->phone_rows->len == 0)
    _kefu_customer_page_add_phone_row (self, "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), kefu_customer_get_address (customer));
  gtk_editable_set_text (GTK_EDITABLE (self->district_row), kefu_customer_get_district (customer));
  adw_switch_row_set_active (self->member_row, kefu_customer_get_is_member (customer));
  gtk_editable_set_text (GTK_EDITABLE (self->member_number_row),
                         kefu_customer_get_member_number (customer));
  adw_combo_row_set_selected (self->channel_row, kefu_customer_get_channel (customer));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            kefu_customer_get_notes (customer), -1);
  _kefu_customer_page_show_assignment (self, customer);

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), *name ? name : _("Customer"));

  self->filling = FALSE;

  /* A record as stored has no problems to show. */
  _kefu_customer_page_check_text_fields (self);
  _kefu_customer_page_check_phones (self, NULL);
  _kefu_customer_page_set_modified (self, FALSE);
}

void
_kefu_customer_page_field_changed_cb (KefuCustomerPage *self)
{
  if (self->filling)
    return;

  _kefu_customer_page_set_modified (self, TRUE);
  /* Checked as the clerk types, so a problem shows while they still look at the field. */
  _kefu_customer_page_check_text_fields (self);
}

void
_kefu_customer_page_phone_focus_left (KefuCustomerPage *self)
{
  if (!self->filling && self->customer != NULL)
    _kefu_customer_page_check_phones (self, NULL);
}
