/* test-callback-campaign.c: a special-occasion campaign spread over clerks and days
 * (kefu_campaign_spread ()): every slot produced is allowed and out of the site's and that
 * customer's rest hours, on a working day of the campaign, no clerk over their calls a day nor
 * two calls of one clerk too close, the clerks taking turns and the days evenly filled; a
 * campaign too big for its clerks and days is refused with how many fit. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "callback-test-helpers.h"

#define N_CUSTOMERS 30

static const gint64 clerks[] = { 101, 102, 103 };

static void
set_day (GDate *date,
         guint  day,
         guint  month)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, 2026);
}

static int
clerk_index (gint64 clerk_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (clerks); i++)
    if (clerks[i] == clerk_id)
      return (int) i;
  return -1;
}

static void
test_spread (void)
{
  g_autoptr(KefuCallbackRules) rules = callback_test_rules_new ("1-5", NULL);
  g_autoptr(KefuCallbackPreferences) late_riser = callback_test_prefs_new ("00:00-10:00", NULL);
  g_autoptr(KefuCallbackPreferences) afternoons = callback_test_prefs_new (NULL, "15:00-17:00");
  g_autoptr(KefuCallbackPreferences) mornings_only = callback_test_prefs_new ("14:00-17:30", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) slots = NULL;
  KefuCampaignCustomer customers[N_CUSTOMERS];
  /* Saturday 28 November to Sunday 6 December: five working days, two weekends. */
  GDate first;
  GDate last;
  GDate monday;
  guint per_day[5] = { 0 };
  guint per_clerk[G_N_ELEMENTS (clerks)] = { 0 };
  guint per_clerk_day[G_N_ELEMENTS (clerks)][5] = { { 0 } };

  set_day (&first, 28, 11);
  set_day (&last, 6, 12);
  set_day (&monday, 30, 11);

  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      customers[i].customer_id = 1000 + i;
      customers[i].prefs = i % 3 == 0 ? late_riser
                         : i % 5 == 0 ? afternoons
                         : i % 7 == 0 ? mornings_only
                         : NULL;
    }

  slots = kefu_campaign_spread (rules, customers, N_CUSTOMERS, clerks, G_N_ELEMENTS (clerks),
                                &first, &last, 4, 20, &error);
  g_assert_no_error (error);
  g_assert_nonnull (slots);
  g_assert_cmpuint (slots->len, ==, N_CUSTOMERS);

  for (guint i = 0; i < slots->len; i++)
    {
      const KefuCampaignSlot *slot = &g_array_index (slots, KefuCampaignSlot, i);
      const KefuCallbackPreferences *prefs = customers[i].prefs;
      g_autoptr(GDateTime) local = g_date_time_to_timezone (slot->due_at,
                                                            kefu_callback_rules_get_timezone (rules));
      GDate day;
      int d;
      int c = clerk_index (slot->clerk_id);
      guint minute = (guint) (g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local));

      g_test_message ("customer %u: clerk %" G_GINT64_FORMAT " at %02d:%02d on the %d",
                      i, slot->clerk_id, g_date_time_get_hour (local),
                      g_date_time_get_minute (local), g_date_time_get_day_of_month (local));

      /* In the customers' order, each with a clerk of the campaign. */
      g_assert_cmpint (slot->customer_id, ==, customers[i].customer_id);
      g_assert_cmpint (c, >=, 0);

      /* Never quiet, for the site or this customer, and always allowed; whole minutes. */
      g_assert_false (kefu_callback_time_is_quiet (rules, prefs, slot->due_at));
      g_assert_true (kefu_callback_time_is_allowed (rules, prefs, slot->due_at));
      g_assert_cmpint (g_date_time_get_second (local), ==, 0);
      if (prefs == late_riser)
        g_assert_cmpuint (minute, >=, 10 * 60);
      if (prefs == mornings_only)
        g_assert_cmpuint (minute, <, 12 * 60);
      /* A slot in the preferred afternoon was free every day: it is taken. */
      if (prefs == afternoons)
        {
          g_assert_cmpuint (minute, >=, 15 * 60);
          g_assert_cmpuint (minute, <, 17 * 60);
        }

      /* On one of the five working days. */
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (local),
                      (GDateMonth) g_date_time_get_month (local),
                      (GDateYear) g_date_time_get_year (local));
      d = g_date_days_between (&monday, &day);
      g_assert_cmpint (d, >=, 0);
      g_assert_cmpint (d, <, 5);
      per_day[d]++;
      per_clerk[c]++;
      per_clerk_day[c][d]++;
      g_assert_cmpuint (per_clerk_day[c][d], <=, 4);

      /* A clerk's calls at least 20 minutes apart. */
      for (guint j = 0; j < i; j++)
        {
          const KefuCampaignSlot *other = &g_array_index (slots, KefuCampaignSlot, j);
          GTimeSpan apart = g_date_time_difference (slot->due_at, other->due_at);

          if (other->clerk_id == slot->clerk_id)
            g_assert_cmpint (ABS (apart), >=, 20 * G_TIME_SPAN_MINUTE);
        }
    }

  /* The days evenly filled, the clerks evenly loaded, and taking turns from the first call. */
  for (guint d = 0; d < 5; d++)
    g_assert_cmpuint (per_day[d], ==, N_CUSTOMERS / 5);
  for (guint c = 0; c < G_N_ELEMENTS (clerks); c++)
    g_assert_cmpuint (per_clerk[c], ==, N_CUSTOMERS / G_N_ELEMENTS (clerks));
  for (guint i = 0; i < G_N_ELEMENTS (clerks); i++)
    g_assert_cmpint (g_array_index (slots, KefuCampaignSlot, i).clerk_id, ==, clerks[i]);
}

static void
assert_too_many (KefuCallbackRules *rules,
                 guint              n_customers,
                 guint              n_clerks,
                 const GDate       *first,
                 const GDate       *last,
                 guint              per_clerk_per_day,
                 guint              slot_minutes,
                 const char        *how_many)
{
  g_autofree KefuCampaignCustomer *customers = g_new0 (KefuCampaignCustomer, n_customers);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) slots = NULL;

  for (guint i = 0; i < n_customers; i++)
    customers[i].customer_id = i + 1;

  slots = kefu_campaign_spread (rules, customers, n_customers, clerks, n_clerks, first, last,
                                per_clerk_per_day, slot_minutes, &error);
  g_assert_null (slots);
  g_assert_error (error, KEFU_CALLBACK_ERROR, KEFU_CALLBACK_ERROR_TOO_MANY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, how_many));
}

static void
test_too_many (void)
{
  g_autoptr(KefuCallbackRules) rules = callback_test_rules_new ("1-5", NULL);
  g_autoptr(GArray) exact = NULL;
  g_autoptr(GError) error = NULL;
  KefuCampaignCustomer customers[60] = { { 0 } };
  GDate monday;
  GDate friday;
  GDate saturday;
  GDate sunday;

  set_day (&monday, 30, 11);
  set_day (&friday, 4, 12);
  set_day (&saturday, 5, 12);
  set_day (&sunday, 6, 12);

  /* Three clerks, five days, four calls a day: sixty fit, sixty-one do not. */
  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    customers[i].customer_id = i + 1;
  exact = kefu_campaign_spread (rules, customers, G_N_ELEMENTS (customers), clerks,
                                G_N_ELEMENTS (clerks), &monday, &friday, 4, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exact->len, ==, 60);
  assert_too_many (rules, 61, G_N_ELEMENTS (clerks), &monday, &friday, 4, 20, "60 of the 61");

  /* One clerk, one day, an hour apart: 09:00, 10:00, 11:00, 14:00, 15:00, 16:00 and 17:00 are
   * the only starts out of the rest hours and inside the desk's, whatever the daily limit. */
  {
    g_autoptr(GArray) seven = kefu_campaign_spread (rules, customers, 7, clerks, 1, &monday,
                                                    &monday, 100, 60, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (seven->len, ==, 7);
  }
  assert_too_many (rules, 8, 1, &monday, &monday, 100, 60, "7 of the 8");

  /* A weekend has no working day at all. */
  assert_too_many (rules, 1, 1, &saturday, &sunday, 10, 20, "0 of the 1");

  /* Nobody to call: nothing to spread. */
  {
    g_autoptr(GArray) none = kefu_campaign_spread (rules, customers, 0, clerks, 1, &monday,
                                                    &monday, 4, 20, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/callback-campaign/spread", test_spread);
  g_test_add_func ("/kefu/callback-campaign/too-many", test_too_many);

  return g_test_run ();
}
