/* callback-test-helpers.h: what the callback rules' tests set up the same way: the site's rules
 * in Shanghai time and a customer's own callback times. */
#pragma once

#include <glib.h>

#include "core-test-helpers.h"
#include "kefu-callback-rules.h"
#include "kefu-settings-keys.h"

/* The rules with the domain's quiet hours (12:00–14:00, 20:30–09:00), a desk open 08:30–17:30,
 * working hours the same, and working days `days`; then further key, value pairs
 * (NULL-terminated). */
static inline KefuCallbackRules *
callback_test_rules_new (const char *days,
                         ...)
{
  g_autoptr(GTimeZone) tz = core_test_shanghai ();
  KefuCallbackRules *rules = kefu_callback_rules_new (tz);
  g_autoptr(GError) error = NULL;
  const char *key;
  va_list args;

  g_assert_true (kefu_callback_rules_set (rules, KEFU_SETTING_CALLBACK_QUIET_HOURS,
                                          "12:00-14:00,20:30-09:00", &error));
  g_assert_true (kefu_callback_rules_set (rules, KEFU_SETTING_OFFICE_HOURS, "08:30-17:30", &error));
  g_assert_true (kefu_callback_rules_set (rules, KEFU_SETTING_WORK_HOURS, "08:30-17:30", &error));
  g_assert_true (kefu_callback_rules_set (rules, KEFU_SETTING_WORK_DAYS, days, &error));

  va_start (args, days);
  while ((key = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (!kefu_callback_rules_set (rules, key, value, &error))
        g_error ("%s = %s: %s", key, value, error->message);
    }
  va_end (args);

  g_assert_no_error (error);
  return rules;
}

/* A customer's quiet and preferred ranges (either NULL). */
static inline KefuCallbackPreferences *
callback_test_prefs_new (const char *quiet,
                         const char *preferred)
{
  g_autoptr(GError) error = NULL;
  KefuCallbackPreferences *prefs = kefu_callback_preferences_new_from_text (quiet, preferred,
                                                                            &error);

  g_assert_no_error (error);
  g_assert_nonnull (prefs);
  return prefs;
}
