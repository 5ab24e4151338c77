/* kefu-settings-keys.c: the shared settings Kefu knows (their defaults, titles and bounds) and
 * their validation, with the parsers of the callback and complaint numbers and of the service
 * areas. The times of day and their ranges are read in kefu-settings-keys-hours.c, the work
 * calendar's days and holidays in kefu-settings-keys-work.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-settings-keys"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kefu-settings-keys-private.h"
#include "kefu-text.h"

G_DEFINE_QUARK (kefu-setting-error-quark, kefu_setting_error)

typedef struct
{
  const char *key;
  const char *default_value;
  const char *title;        /* N_() marked, translated when returned */
  const char *description;  /* N_() marked, translated when returned */
} KeyInfo;

static const KeyInfo known_keys[] = {
  { KEFU_SETTING_HANDOVER_CUTOFF, "10:00",
    N_("Order hand-over cut-off"),
    N_("Order forms taken before this time are handed to the sales admins the same day; later ones go into the next day's hand-over.") },
  { KEFU_SETTING_CALLBACK_WINDOW_DAYS, "3",
    N_("Callback window"),
    N_("Number of days within which a customer must be called back.") },
  { KEFU_SETTING_CALLBACK_QUIET_HOURS, "12:00-14:00,21:00-08:30",
    N_("Customers' rest hours"),
    N_("Times when customers are not called back, e.g. 12:00-14:00,21:00-08:30; a range may cross midnight.") },
  { KEFU_SETTING_SERVICE_AREAS, "",
    N_("Service areas"),
    N_("Districts the company delivers to, separated by commas or line breaks; leave empty to serve everywhere.") },
  { KEFU_SETTING_OFFICE_HOURS, "08:30-17:30",
    N_("Office hours"),
    N_("Hours when the hotline is staffed, one range per shift, e.g. 08:30-17:30.") },
  { KEFU_SETTING_WORK_HOURS, "08:30-17:30",
    N_("Working hours"),
    N_("Hours in which the departments work on complaints, over which deadlines are counted, e.g. 08:30-17:30; a night shift may cross midnight.") },
  { KEFU_SETTING_WORK_DAYS, "1-6",
    N_("Working days"),
    N_("Days of the week the departments work, e.g. 1-6 or Mon-Sat for Monday to Saturday.") },
  { KEFU_SETTING_WORK_HOLIDAYS, "",
    N_("Holidays"),
    N_("Dates on which nobody works, as days or ranges, e.g. 2026-10-01..2026-10-07, 2027-01-01.") },
  { KEFU_SETTING_COMPLAINT_ACK_HOURS, "2",
    N_("Acknowledgement time"),
    N_("Working hours within which a routed department must acknowledge a complaint.") },
  { KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES, "30",
    N_("Acknowledgement time for harmed customers"),
    N_("Minutes, at any hour, within which a complaint from a customer who was harmed must be acknowledged.") },
  { KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_PRODUCT, "2",
    N_("Resolution time for product quality"),
    N_("Working days within which a product-quality complaint must be resolved once acknowledged.") },
  { KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_SERVICE, "1",
    N_("Resolution time for service quality"),
    N_("Working days within which a service-quality complaint must be resolved once acknowledged.") },
  { KEFU_SETTING_BATCH_WINDOW_DAYS, "7",
    N_("Batch incident window"),
    N_("Number of days over which complaints about one product batch are counted for a possible quality incident.") },
  { KEFU_SETTING_BATCH_THRESHOLD, "3",
    N_("Batch incident threshold"),
    N_("Number of complaints about one product batch within the window that flags it to the QC manager.") },
  { KEFU_SETTING_SHIPMENT_RECEIPT_DAYS, "2",
    N_("Days to confirm receipt"),
    N_("Days after delivery within which the customer's receipt is confirmed; a shipment still unconfirmed after them is overdue.") },
};

/* The bounds of the settings that are whole numbers. */
typedef struct
{
  const char *key;
  guint min;
  guint max;
} CountInfo;

static const CountInfo count_keys[] = {
  { KEFU_SETTING_COMPLAINT_ACK_HOURS, 1, 72 },
  { KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES, 5, 240 },
  { KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_PRODUCT, 1, 30 },
  { KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_SERVICE, 1, 30 },
  { KEFU_SETTING_BATCH_WINDOW_DAYS, 1, 90 },
  { KEFU_SETTING_BATCH_THRESHOLD, 2, 50 },
  { KEFU_SETTING_SHIPMENT_RECEIPT_DAYS, 1, 60 },
};

static const KeyInfo *
find_key (const char *key)
{
  if (key == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (known_keys); i++)
    if (strcmp (known_keys[i].key, key) == 0)
      return &known_keys[i];
  return NULL;
}

char *
_kefu_setting_fold_and_trim (const char  *text,
                             GError     **error)
{
  char *folded = kefu_text_fold_width (text != NULL ? text : "");

  if (folded == NULL)
    {
      g_set_error_literal (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_TEXT,
                           _("The value contains damaged text (not valid UTF-8); type it again."));
      return NULL;
    }
  return g_strstrip (folded);
}

GStrv
_kefu_setting_split_list (const char *folded)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) item = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\0' || c == ',' || c == ';' || c == '\n' || c == '\r' || c == 0x3001)
        {
          g_autofree char *trimmed = kefu_text_normalize (item->str);

          if (trimmed != NULL && trimmed[0] != '\0')
            g_strv_builder_add (builder, trimmed);
          g_string_truncate (item, 0);
          if (c == '\0')
            break;
        }
      else
        g_string_append_unichar (item, c);
    }

  return g_strv_builder_end (builder);
}

/* Reads `text`, folded and trimmed into `*folded`, as a whole number from `min` to `max`. On
 * FALSE, either the text was damaged (`*folded` NULL, `error` set) or it is no such number
 * (`*folded` kept, so that the caller's message quotes what it read). */
static gboolean
read_whole_number (const char  *text,
                   guint        min,
                   guint        max,
                   char       **folded,
                   guint       *value,
                   GError     **error)
{
  guint64 number = 0;

  *folded = _kefu_setting_fold_and_trim (text, error);
  if (*folded == NULL)
    return FALSE;
  if (!g_ascii_string_to_unsigned (*folded, 10, min, max, &number, NULL))
    return FALSE;

  if (value != NULL)
    *value = (guint) number;
  return TRUE;
}

gboolean
kefu_setting_parse_window_days (const char  *text,
                                guint       *days,
                                GError     **error)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (read_whole_number (text, 1, KEFU_CALLBACK_WINDOW_DAYS_MAX, &folded, days, error))
    return TRUE;
  if (folded != NULL)
    g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_NUMBER,
                 _("“%s” is not a number of days; give a whole number from 1 to %u."),
                 folded, (guint) KEFU_CALLBACK_WINDOW_DAYS_MAX);
  return FALSE;
}

/**
 * kefu_setting_parse_service_areas:
 *
 * Returns: (transfer full) (nullable): the districts
 */
GStrv
kefu_setting_parse_service_areas (const char  *text,
                                  GError     **error)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) items = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* District names are kept as typed (not folded), but "，" must still separate them. */
  folded = _kefu_setting_fold_and_trim (text, error);
  if (folded == NULL)
    return NULL;

  items = _kefu_setting_split_list (folded);
  builder = g_strv_builder_new ();
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; items[i] != NULL; i++)
    {
      if (!kefu_text_validate_line (items[i], KEFU_TEXT_MAX_DISTRICT, TRUE,
                                    _("Service areas"), NULL))
        {
          g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_TEXT,
                       _("“%s” is not a district name: it is too long (at most %u characters) or contains invisible characters."),
                       items[i], (guint) KEFU_TEXT_MAX_DISTRICT);
          return NULL;
        }
      if (g_hash_table_add (seen, items[i]))
        g_strv_builder_add (builder, items[i]);
    }

  return g_strv_builder_end (builder);
}

gboolean
kefu_service_areas_contain (const char * const *areas,
                            const char         *district)
{
  if (areas == NULL || areas[0] == NULL)
    return TRUE;
  if (district == NULL || district[0] == '\0')
    return TRUE;

  for (guint i = 0; areas[i] != NULL; i++)
    if (strstr (district, areas[i]) != NULL)
      return TRUE;

  return FALSE;
}

gboolean
kefu_setting_parse_count (const char  *text,
                          guint        min,
                          guint        max,
                          guint       *value,
                          GError     **error)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (min <= max, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (read_whole_number (text, min, max, &folded, value, error))
    return TRUE;
  if (folded != NULL)
    g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_NUMBER,
                 _("“%s” is not a whole number from %u to %u; give one in that range."),
                 folded, min, max);
  return FALSE;
}

gboolean
kefu_setting_get_count_range (const char *key,
                              guint      *min,
                              guint      *max)
{
  g_return_val_if_fail (min != NULL && max != NULL, FALSE);

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (count_keys); i++)
    if (strcmp (key, count_keys[i].key) == 0)
      {
        *min = count_keys[i].min;
        *max = count_keys[i].max;
        return TRUE;
      }
  return FALSE;
}

const char * const *
kefu_setting_get_keys (void)
{
  static const char * const keys[] = {
    KEFU_SETTING_HANDOVER_CUTOFF,
    KEFU_SETTING_CALLBACK_WINDOW_DAYS,
    KEFU_SETTING_CALLBACK_QUIET_HOURS,
    KEFU_SETTING_SERVICE_AREAS,
    KEFU_SETTING_OFFICE_HOURS,
    KEFU_SETTING_WORK_HOURS,
    KEFU_SETTING_WORK_DAYS,
    KEFU_SETTING_WORK_HOLIDAYS,
    KEFU_SETTING_COMPLAINT_ACK_HOURS,
    KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES,
    KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_PRODUCT,
    KEFU_SETTING_COMPLAINT_RESOLVE_DAYS_SERVICE,
    KEFU_SETTING_BATCH_WINDOW_DAYS,
    KEFU_SETTING_BATCH_THRESHOLD,
    KEFU_SETTING_SHIPMENT_RECEIPT_DAYS,
    NULL
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (keys) == G_N_ELEMENTS (known_keys) + 1);

  return keys;
}

gboolean
kefu_setting_is_known (const char *key)
{
  return find_key (key) != NULL;
}

const char *
kefu_setting_get_default (const char *key)
{
  const KeyInfo *info = find_key (key);

  return info != NULL ? info->default_value : NULL;
}

const char *
kefu_setting_get_title (const char *key)
{
  const KeyInfo *info = find_key (key);

  return info != NULL ? _(info->title) : NULL;
}

const char *
kefu_setting_get_description (const char *key)
{
  const KeyInfo *info = find_key (key);

  return info != NULL ? _(info->description) : NULL;
}

gboolean
kefu_setting_validate (const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_autoptr(GArray) ranges = NULL;
  g_auto(GStrv) areas = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!kefu_setting_is_known (key))
    {
      g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_UNKNOWN_KEY,
                   _("“%s” is not a setting Kefu knows; check the spelling of the key."),
                   key != NULL ? key : "");
      return FALSE;
    }

  if (strcmp (key, KEFU_SETTING_HANDOVER_CUTOFF) == 0)
    return kefu_setting_parse_time_of_day (value, NULL, error);

  if (strcmp (key, KEFU_SETTING_CALLBACK_WINDOW_DAYS) == 0)
    return kefu_setting_parse_window_days (value, NULL, error);

  if (strcmp (key, KEFU_SETTING_CALLBACK_QUIET_HOURS) == 0)
    {
      ranges = kefu_setting_parse_time_ranges (value, error);
      return ranges != NULL;
    }

  if (strcmp (key, KEFU_SETTING_OFFICE_HOURS) == 0 || strcmp (key, KEFU_SETTING_WORK_HOURS) == 0)
    {
      ranges = kefu_setting_parse_time_ranges (value, error);
      if (ranges == NULL)
        return FALSE;
      if (ranges->len == 0)
        {
          if (strcmp (key, KEFU_SETTING_WORK_HOURS) == 0)
            g_set_error_literal (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE,
                                 _("Give at least one range of working hours, e.g. 08:30-17:30."));
          else
            g_set_error_literal (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_RANGE,
                                 _("Give at least one range of office hours, e.g. 08:30-17:30."));
          return FALSE;
        }
      return TRUE;
    }

  if (strcmp (key, KEFU_SETTING_SERVICE_AREAS) == 0)
    {
      areas = kefu_setting_parse_service_areas (value, error);
      return areas != NULL;
    }

  if (strcmp (key, KEFU_SETTING_WORK_DAYS) == 0)
    return kefu_setting_parse_weekdays (value, NULL, error);

  if (strcmp (key, KEFU_SETTING_WORK_HOLIDAYS) == 0)
    {
      g_autoptr(GArray) dates = kefu_setting_parse_holidays (value, error);

      return dates != NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (count_keys); i++)
    if (strcmp (key, count_keys[i].key) == 0)
      return kefu_setting_parse_count (value, count_keys[i].min, count_keys[i].max, NULL, error);

  g_assert_not_reached ();
}
