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

#include "kefu-callback-rules.h"
#include "kefu-enums.h"
#include "kefu-settings-keys-private.h"
#include "kefu-text.h"

/* The longest company name and script part, in characters. */
#define KEFU_SETTING_COMPANY_NAME_MAX 60
#define KEFU_SETTING_SCRIPT_MAX       500

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
  { KEFU_SETTING_CALLBACK_QUIET_HOURS, "12:00-14:00,20:30-09:00",
    N_("Customers' rest hours"),
    N_("Times when customers are not called back, e.g. 12:00-14:00,20:30-09:00; a range may cross midnight.") },
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
  { KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, "3",
    N_("Callback attempts"),
    N_("Unanswered or busy calls after which a callback is listed for the team lead to decide.") },
  { KEFU_SETTING_CALLBACK_RETRY_MINUTES, "120",
    N_("Time between callback attempts"),
    N_("Minutes after an unanswered or busy call before the next attempt, times the number of failed attempts so far.") },
  { KEFU_SETTING_CALLBACK_SURVEY_PERIOD, "quarter",
    N_("Member survey period"),
    N_("How often every member customer gets a satisfaction callback: month, quarter, half (a half year) or year.") },
  { KEFU_SETTING_SITE_COMPANY_NAME, "",
    N_("Company name"),
    N_("The company's name as the clerks say it on the phone, filled into the callback script as {company}.") },
  /* The script's defaults are translated when read (kefu_setting_get_default ()), so that each
   * site starts with the script in its own language. */
  { KEFU_SETTING_SCRIPT_OPENING,
    /* TRANSLATORS: the words in braces are filled in (the clerk's name, the company's, the
     * customer's, the service and its day): keep them as they are, in any order. */
    N_("Hello, this is {clerk}, customer service representative of {company}. Am I speaking with {customer}? Sorry to disturb you."),
    N_("Callback script: opening"),
    N_("What the clerk says first; {customer}, {company}, {clerk}, {service} and {date} are filled in.") },
  { KEFU_SETTING_SCRIPT_QUESTION,
    /* TRANSLATORS: keep {service} and {date} as they are; they are filled in. */
    N_("Are you satisfied with our {service} of {date}?"),
    N_("Callback script: question"),
    N_("The satisfaction question; {customer}, {company}, {clerk}, {service} and {date} are filled in.") },
  { KEFU_SETTING_SCRIPT_SATISFIED,
    N_("Thank you! Do you have any suggestions for us?"),
    N_("Callback script: satisfied"),
    N_("What the clerk asks a satisfied customer: their suggestions.") },
  { KEFU_SETTING_SCRIPT_UNSATISFIED,
    N_("We are sorry about that. What should we improve?"),
    N_("Callback script: so-so or not satisfied"),
    N_("What the clerk asks a customer who is so-so or not satisfied: what to improve.") },
  { KEFU_SETTING_SCRIPT_CLOSING_SATISFIED,
    N_("Thank you for your time and your support. Goodbye!"),
    N_("Callback script: closing when satisfied"),
    N_("How the clerk ends the call with a satisfied customer.") },
  { KEFU_SETTING_SCRIPT_CLOSING_UNSATISFIED,
    N_("Thank you for telling us; we will work on it. Sorry again for the trouble, goodbye!"),
    N_("Callback script: closing when not satisfied"),
    N_("How the clerk ends the call with a customer who is so-so or not satisfied.") },
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
  { KEFU_SETTING_CALLBACK_MAX_ATTEMPTS, 1, 10 },
  { KEFU_SETTING_CALLBACK_RETRY_MINUTES, 10, 1440 },
};

static gboolean
is_script_key (const char *key)
{
  return g_str_has_prefix (key, "callback.script.");
}

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
    KEFU_SETTING_CALLBACK_MAX_ATTEMPTS,
    KEFU_SETTING_CALLBACK_RETRY_MINUTES,
    KEFU_SETTING_CALLBACK_SURVEY_PERIOD,
    KEFU_SETTING_SITE_COMPANY_NAME,
    KEFU_SETTING_SCRIPT_OPENING,
    KEFU_SETTING_SCRIPT_QUESTION,
    KEFU_SETTING_SCRIPT_SATISFIED,
    KEFU_SETTING_SCRIPT_UNSATISFIED,
    KEFU_SETTING_SCRIPT_CLOSING_SATISFIED,
    KEFU_SETTING_SCRIPT_CLOSING_UNSATISFIED,
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

  if (info == NULL)
    return NULL;
  if (is_script_key (key))
    return _(info->default_value);
  return info->default_value;
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
_kefu_setting_parse_survey_period (const char        *text,
                                   KefuSurveyPeriod  *period,
                                   GError           **error)
{
  g_autofree char *folded = _kefu_setting_fold_and_trim (text, error);
  g_autofree char *lower = NULL;
  int value;

  if (folded == NULL)
    return FALSE;
  lower = g_ascii_strdown (folded, -1);
  if (!kefu_enum_from_nick (KEFU_TYPE_SURVEY_PERIOD, lower, &value))
    {
      g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_TEXT,
                   _("“%s” is not a survey period; write month, quarter, half (a half year) or year."),
                   folded);
      return FALSE;
    }
  if (period != NULL)
    *period = (KefuSurveyPeriod) value;
  return TRUE;
}

/* The text checks of kefu-text.h, reported in the settings' own error domain. */
static gboolean
validate_setting_text (const char  *value,
                       guint        max_chars,
                       gboolean     required,
                       gboolean     one_line,
                       const char  *label,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok = one_line ? kefu_text_validate_line (value, max_chars, required, label, &local_error)
                         : kefu_text_validate (value, max_chars, required, label, &local_error);

  if (!ok)
    g_set_error_literal (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_TEXT,
                         local_error->message);
  return ok;
}

static gboolean
validate_company_name (const char  *value,
                       GError     **error)
{
  return validate_setting_text (value, KEFU_SETTING_COMPANY_NAME_MAX, FALSE, TRUE,
                                _("Company name"), error);
}

/* "{shop}, {price}": the names as the manager typed them. */
static char *
join_placeholders (const char * const *names)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (text, "%s{%s}", i > 0 ? ", " : "", names[i]);
  return g_string_free (text, FALSE);
}

/* A script part is what a clerk reads out: not empty, and only placeholders that are filled. */
static gboolean
validate_script (const char  *value,
                 GError     **error)
{
  g_auto(GStrv) unknown = NULL;
  g_autofree char *names = NULL;

  if (!validate_setting_text (value, KEFU_SETTING_SCRIPT_MAX, TRUE, FALSE,
                              _("Script text"), error))
    return FALSE;

  unknown = kefu_callback_script_unknown_placeholders (value);
  if (unknown == NULL)
    return TRUE;

  names = join_placeholders ((const char * const *) unknown);
  g_set_error (error, KEFU_SETTING_ERROR, KEFU_SETTING_ERROR_INVALID_TEXT,
               g_dngettext (GETTEXT_PACKAGE,
                            "The script uses a placeholder Kefu does not fill: %s; use {customer}, {company}, {clerk}, {service} or {date}.",
                            "The script uses placeholders Kefu does not fill: %s; use {customer}, {company}, {clerk}, {service} or {date}.",
                            g_strv_length (unknown)),
               names);
  return FALSE;
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

  if (strcmp (key, KEFU_SETTING_CALLBACK_SURVEY_PERIOD) == 0)
    return _kefu_setting_parse_survey_period (value, NULL, error);

  if (strcmp (key, KEFU_SETTING_SITE_COMPANY_NAME) == 0)
    return validate_company_name (value, error);

  if (is_script_key (key))
    return validate_script (value, error);

  for (guint i = 0; i < G_N_ELEMENTS (count_keys); i++)
    if (strcmp (key, count_keys[i].key) == 0)
      return kefu_setting_parse_count (value, count_keys[i].min, count_keys[i].max, NULL, error);

  g_assert_not_reached ();
}
