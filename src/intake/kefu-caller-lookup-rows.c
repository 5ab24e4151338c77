/* kefu-caller-lookup-rows.c: what the caller lookup's result rows say: the closures of the row
 * template, for the eye and for a screen reader, and the customer's last contact as text.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-caller-lookup"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "core/kefu-phone.h"

#include "kefu-caller-lookup-private.h"
#include "widgets/kefu-list-loader.h"

gboolean
_kefu_caller_lookup_is_new_caller (KefuCustomer *customer)
{
  return kefu_record_get_id (KEFU_RECORD (customer)) == 0;
}

char *
_kefu_caller_lookup_row_title (gpointer      unused,
           KefuCustomer *customer)
{
  if (customer == NULL)
    return NULL;

  if (_kefu_caller_lookup_is_new_caller (customer))
    return g_strdup (_("New Caller"));

  return g_strdup (kefu_customer_get_name (customer));
}

char *
_kefu_caller_lookup_row_avatar_text (gpointer      unused,
                 KefuCustomer *customer)
{
  if (customer == NULL || _kefu_caller_lookup_is_new_caller (customer))
    return NULL;

  return g_strdup (kefu_customer_get_name (customer));
}

gboolean
_kefu_caller_lookup_row_is_member (gpointer      unused,
               KefuCustomer *customer)
{
  return customer != NULL && !_kefu_caller_lookup_is_new_caller (customer) && kefu_customer_get_is_member (customer);
}

char *
_kefu_caller_lookup_row_phone (gpointer      unused,
           KefuCustomer *customer)
{
  const char *phone;

  if (customer == NULL)
    return NULL;

  phone = kefu_customer_get_primary_phone (customer);
  if (phone == NULL || *phone == '\0')
    return g_strdup ("");

  return kefu_phone_format (phone);
}

char *
_kefu_caller_lookup_row_address (gpointer      unused,
             KefuCustomer *customer)
{
  const char *address;

  if (customer == NULL)
    return NULL;

  if (_kefu_caller_lookup_is_new_caller (customer))
    return g_strdup (_("Not in the customer records: the call’s details make a new customer"));

  address = kefu_customer_get_address (customer);
  if (*address == '\0')
    return g_strdup (_("No address on file"));

  return g_strdup (address);
}

char *
_kefu_caller_lookup_row_last_contact (gpointer      unused,
                  KefuCustomer *customer)
{
  g_autoptr(GDateTime) now = NULL;

  if (customer == NULL || _kefu_caller_lookup_is_new_caller (customer))
    return g_strdup ("");

  now = g_date_time_new_now_utc ();
  return kefu_caller_lookup_format_last_contact (customer, now);
}

gboolean
_kefu_caller_lookup_row_has_last_contact (gpointer      unused,
                      KefuCustomer *customer)
{
  return customer != NULL && !_kefu_caller_lookup_is_new_caller (customer) &&
         kefu_customer_get_last_contact_at (customer) != NULL;
}

char *
_kefu_caller_lookup_row_accessible_label (gpointer      unused,
                      KefuCustomer *customer)
{
  g_autofree char *title = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *address = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GString) label = NULL;

  if (customer == NULL)
    return NULL;

  title = _kefu_caller_lookup_row_title (NULL, customer);
  phone = _kefu_caller_lookup_row_phone (NULL, customer);
  address = _kefu_caller_lookup_row_address (NULL, customer);
  last = _kefu_caller_lookup_row_last_contact (NULL, customer);

  label = g_string_new (title);
  if (_kefu_caller_lookup_row_is_member (NULL, customer))
    /* Translators: read by a screen reader after a customer's name. */
    g_string_append (label, _(", member"));
  /* Translators: the separator between the parts of a lookup result read by a screen reader. */
  kefu_accessible_label_append (label, phone);
  g_string_append_printf (label, _(", %s"), address);
  kefu_accessible_label_append (label, last);

  return g_string_free_and_steal (g_steal_pointer (&label));
}

char *
kefu_format_relative_time (GDateTime *time,
                           GDateTime *now)
{
  g_autoptr(GDateTime) local_time = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  GTimeSpan span;
  int days;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  span = g_date_time_difference (now, time);
  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("just now"));
  if (span < G_TIME_SPAN_HOUR)
    {
      int minutes = (int) (span / G_TIME_SPAN_MINUTE);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago",
                                           minutes), minutes);
    }

  /* Past the hour, days count as the calendar has them: a call at 23:00 was "yesterday" at
   * 08:00, although fewer than 24 hours have passed. */
  local_time = g_date_time_to_local (time);
  local_now = g_date_time_to_local (now);
  {
    GDate date_time, date_now;

    g_date_clear (&date_time, 1);
    g_date_clear (&date_now, 1);
    g_date_set_dmy (&date_time, g_date_time_get_day_of_month (local_time),
                    g_date_time_get_month (local_time), g_date_time_get_year (local_time));
    g_date_set_dmy (&date_now, g_date_time_get_day_of_month (local_now),
                    g_date_time_get_month (local_now), g_date_time_get_year (local_now));
    days = g_date_days_between (&date_time, &date_now);
  }

  if (days <= 0)
    {
      int hours = (int) (span / G_TIME_SPAN_HOUR);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", hours),
                              hours);
    }
  if (days == 1)
    return g_strdup (_("yesterday"));
  if (days < 31)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days), days);

  return g_date_time_format (local_time, "%Y-%m-%d");
}

char *
kefu_caller_lookup_format_last_contact (KefuCustomer *customer,
                                        GDateTime    *now)
{
  GDateTime *last;
  const char *summary;
  g_autofree char *when = NULL;

  g_return_val_if_fail (KEFU_IS_CUSTOMER (customer), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  last = kefu_customer_get_last_contact_at (customer);
  if (last == NULL)
    return g_strdup ("");

  when = kefu_format_relative_time (last, now);
  summary = kefu_customer_get_last_call_summary (customer);
  if (*summary == '\0')
    /* Translators: a customer's last contact: the kind of call and when, e.g.
     * "Complaint · 2 days ago". */
    return g_strdup_printf (_("%s · %s"),
                            kefu_call_kind_get_display_name (kefu_customer_get_last_call_kind (customer)),
                            when);

  /* Translators: a customer's last contact: the kind of call, when, and what it was about, e.g.
   * "Complaint · 2 days ago · 鲜牛奶: 有异味". */
  return g_strdup_printf (_("%s · %s · %s"),
                          kefu_call_kind_get_display_name (kefu_customer_get_last_call_kind (customer)),
                          when, summary);
}
