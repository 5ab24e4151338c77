/* kefu-callback-campaign.c: a special-occasion campaign (节日 / 促销回访) spread over clerks and
 * days: every customer gets one clerk and one allowed slot of their own (kefu_callback_next_slot
 * () with their preferences), never in a quiet time.
 *
 * The customers are spread evenly over the days (customer i of n starts looking on day i × days
 * / n, then the days after it, then those before), and on a day the clerks take turns: the
 * clerk after the one who took the last call is asked first. A clerk's calls on one day are at
 * least `slot_minutes` apart and at most `per_clerk_per_day`.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callback-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-callback-rules-private.h"

typedef struct
{
  KefuCallbackRules *rules;
  GArray *days;         /* GDate: the campaign's working days */
  GArray **calls;       /* n_clerks × days->len (clerk-major) arrays of gint64 µs */
  guint n_clerks;
  guint per_clerk_per_day;
  gint64 gap;           /* µs between two calls of one clerk */
} Spread;

static void
clear_slot (gpointer data)
{
  KefuCampaignSlot *slot = data;

  g_clear_pointer (&slot->due_at, g_date_time_unref);
}

/* The call of `calls` that `usec` would come too close to, or -1 when none. */
static gint64
clash (GArray *calls,
       gint64  usec,
       gint64  gap)
{
  for (guint i = 0; i < calls->len; i++)
    {
      gint64 call = g_array_index (calls, gint64, i);

      if (usec > call - gap && usec < call + gap)
        return call;
    }
  return -1;
}

/* The first slot of `day` for the customer that keeps the clerk's calls apart; NULL when the
 * day has none left. Their preferred ranges count within the day. */
static GDateTime *
find_slot (Spread                        *spread,
           GArray                        *calls,
           const GDate                   *day,
           const KefuCallbackPreferences *prefs)
{
  g_autoptr(GDateTime) from = _kefu_callback_rules_day_start (spread->rules, day);
  g_autoptr(GDateTime) day_end = g_date_time_add_days (from, 1);

  /* Each turn passes one of the clerk's calls, so this ends after at most as many turns. */
  for (guint turn = 0; turn <= calls->len; turn++)
    {
      g_autoptr(GDateTime) slot = kefu_callback_next_slot (spread->rules, prefs, from, day_end,
                                                           NULL);
      gint64 taken;

      if (slot == NULL || g_date_time_compare (slot, day_end) >= 0)
        return NULL;
      taken = clash (calls, g_date_time_to_unix_usec (slot), spread->gap);
      if (taken < 0)
        return g_steal_pointer (&slot);
      g_date_time_unref (from);
      from = g_date_time_add (slot, taken + spread->gap - g_date_time_to_unix_usec (slot));
    }
  return NULL;
}

/* Gives the customer a clerk and a slot, trying the days from `first_day` on and on each the
 * clerks from `*turn` on; FALSE when no clerk has room on any day. */
static gboolean
place (Spread                        *spread,
       const KefuCallbackPreferences *prefs,
       guint                          first_day,
       guint                         *turn,
       guint                         *clerk,
       GDateTime                    **due_at)
{
  guint n_days = spread->days->len;

  for (guint d = 0; d < n_days; d++)
    {
      guint day = (first_day + d) % n_days;

      for (guint c = 0; c < spread->n_clerks; c++)
        {
          guint candidate = (*turn + c) % spread->n_clerks;
          GArray *calls = spread->calls[candidate * n_days + day];
          GDateTime *slot;
          gint64 usec;

          if (calls->len >= spread->per_clerk_per_day)
            continue;
          slot = find_slot (spread, calls, &g_array_index (spread->days, GDate, day), prefs);
          if (slot == NULL)
            continue;

          usec = g_date_time_to_unix_usec (slot);
          g_array_append_val (calls, usec);
          *clerk = candidate;
          *turn = (candidate + 1) % spread->n_clerks;
          *due_at = slot;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * kefu_campaign_spread:
 *
 * Returns: (transfer full) (element-type KefuCampaignSlot) (nullable): one slot per customer
 */
GArray *
kefu_campaign_spread (KefuCallbackRules          *rules,
                      const KefuCampaignCustomer *customers,
                      guint                       n_customers,
                      const gint64               *clerks,
                      guint                       n_clerks,
                      const GDate                *first_day,
                      const GDate                *last_day,
                      guint                       per_clerk_per_day,
                      guint                       slot_minutes,
                      GError                    **error)
{
  g_autoptr(GArray) slots = NULL;
  Spread spread = { 0 };
  guint turn = 0;
  guint n_placed = 0;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (customers != NULL || n_customers == 0, NULL);
  g_return_val_if_fail (clerks != NULL && n_clerks > 0, NULL);
  g_return_val_if_fail (first_day != NULL && g_date_valid (first_day), NULL);
  g_return_val_if_fail (last_day != NULL && g_date_valid (last_day), NULL);
  g_return_val_if_fail (per_clerk_per_day > 0 && slot_minutes > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  spread.rules = rules;
  spread.n_clerks = n_clerks;
  spread.per_clerk_per_day = per_clerk_per_day;
  spread.gap = (gint64) slot_minutes * G_TIME_SPAN_MINUTE;
  spread.days = g_array_new (FALSE, FALSE, sizeof (GDate));
  for (GDate day = *first_day; g_date_compare (&day, last_day) <= 0; g_date_add_days (&day, 1))
    if (_kefu_callback_rules_is_working_day (rules, &day))
      g_array_append_val (spread.days, day);
  spread.calls = g_new0 (GArray *, (gsize) n_clerks * spread.days->len);
  for (guint i = 0; i < n_clerks * spread.days->len; i++)
    spread.calls[i] = g_array_new (FALSE, FALSE, sizeof (gint64));

  slots = g_array_sized_new (FALSE, TRUE, sizeof (KefuCampaignSlot), n_customers);
  g_array_set_clear_func (slots, clear_slot);

  for (guint i = 0; i < n_customers && spread.days->len > 0; i++)
    {
      KefuCampaignSlot slot = { .customer_id = customers[i].customer_id };
      guint first = (guint) ((guint64) i * spread.days->len / n_customers);
      guint clerk;

      /* One that does not fit does not stop the count: the reason says how many do. */
      if (!place (&spread, customers[i].prefs, first, &turn, &clerk, &slot.due_at))
        continue;
      slot.clerk_id = clerks[clerk];
      g_array_append_val (slots, slot);
      n_placed++;
    }

  for (guint i = 0; i < n_clerks * spread.days->len; i++)
    g_array_unref (spread.calls[i]);
  g_free (spread.calls);
  g_array_unref (spread.days);

  if (n_placed < n_customers)
    {
      g_set_error (error, KEFU_CALLBACK_ERROR, KEFU_CALLBACK_ERROR_TOO_MANY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Only %u of the %u customer fit the clerks and days chosen outside their rest hours; add clerks or days, or allow more calls per clerk a day.",
                                "Only %u of the %u customers fit the clerks and days chosen outside their rest hours; add clerks or days, or allow more calls per clerk a day.",
                                n_customers),
                   n_placed, n_customers);
      return NULL;
    }
  return g_steal_pointer (&slots);
}
