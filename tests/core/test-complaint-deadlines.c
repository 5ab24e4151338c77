/* test-complaint-deadlines.c: the deadline a complaint works against in each stage, its colour,
 * the escalation levels (rising, capped, never twice), batch clustering, and the card that
 * carries them to the board. */
#include "config.h"

#include <locale.h>

#include "kefu-complaint-card.h"
#include "kefu-complaint-flow.h"
#include "kefu-settings-keys.h"

#define MON_SAT ((1u << 1) | (1u << 2) | (1u << 3) | (1u << 4) | (1u << 5) | (1u << 6))

static GTimeZone *
shanghai (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Asia/Shanghai");

  g_assert_nonnull (tz);
  return tz;
}

static KefuWorkCalendar *
office_calendar (GTimeZone *tz)
{
  g_autoptr(GArray) hours = kefu_setting_parse_time_ranges ("08:30-17:30", NULL);

  return kefu_work_calendar_new (hours, MON_SAT, NULL, tz);
}

static GDateTime *
at (GTimeZone *tz,
    int        month,
    int        day,
    int        hour,
    int        minute)
{
  return g_date_time_new (tz, 2026, month, day, hour, minute, 0);
}

static void
assert_same_time (GDateTime *got,
                  GDateTime *want)
{
  g_autofree char *got_text = got != NULL ? g_date_time_format_iso8601 (got) : g_strdup ("(none)");
  g_autofree char *want_text = g_date_time_format_iso8601 (want);

  g_assert_cmpstr (got_text, ==, want_text);
}

static void
test_defaults (void)
{
  KefuComplaintDeadlineRules rules;
  guint value = 0;

  kefu_complaint_deadline_rules_init_defaults (&rules);
  g_assert_cmpuint (rules.acknowledge_minutes, ==, 120);
  g_assert_cmpuint (rules.harmed_acknowledge_minutes, ==, 30);
  g_assert_cmpuint (rules.resolve_days_product, ==, 2);
  g_assert_cmpuint (rules.resolve_days_service, ==, 1);
  g_assert_cmpuint (rules.callback_days, ==, 3);

  /* The rules' defaults are the settings' defaults. */
  g_assert_true (kefu_setting_parse_count (kefu_setting_get_default (KEFU_SETTING_COMPLAINT_ACK_HOURS),
                                           1, 72, &value, NULL));
  g_assert_cmpuint (value * 60, ==, rules.acknowledge_minutes);
  g_assert_true (kefu_setting_parse_count (kefu_setting_get_default (KEFU_SETTING_COMPLAINT_HARMED_ACK_MINUTES),
                                           5, 240, &value, NULL));
  g_assert_cmpuint (value, ==, rules.harmed_acknowledge_minutes);
  g_assert_true (kefu_setting_parse_window_days (kefu_setting_get_default (KEFU_SETTING_CALLBACK_WINDOW_DAYS),
                                                 &value, NULL));
  g_assert_cmpuint (value, ==, rules.callback_days);
}

static void
test_deadline_for_stage (void)
{
  g_autoptr(GTimeZone) tz = shanghai ();
  g_autoptr(KefuWorkCalendar) cal = office_calendar (tz);
  g_autoptr(GDateTime) fri_1600 = at (tz, 11, 27, 16, 0);
  g_autoptr(GDateTime) fri_1630 = at (tz, 11, 27, 16, 30);
  g_autoptr(GDateTime) fri_2300 = at (tz, 11, 27, 23, 0);
  KefuComplaintDeadlineRules rules;
  struct {
    KefuComplaintStage stage;
    KefuComplaintCategory category;
    gboolean harmed;
    GDateTime *since;
    KefuComplaintDeadline want_kind;
    int month, day, hour, minute;  /* the due time, 0 month for none */
  } cases[] = {
    /* New and routed: 2 working hours, over the evening into Saturday morning. */
    { KEFU_COMPLAINT_STAGE_NEW, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, fri_1630,
      KEFU_COMPLAINT_DEADLINE_ROUTE, 11, 28, 9, 30 },
    { KEFU_COMPLAINT_STAGE_ROUTED, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, fri_1630,
      KEFU_COMPLAINT_DEADLINE_ACKNOWLEDGE, 11, 28, 9, 30 },
    { KEFU_COMPLAINT_STAGE_REOPENED, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, fri_2300,
      KEFU_COMPLAINT_DEADLINE_ACKNOWLEDGE, 11, 28, 10, 30 },
    /* A harmed customer: 30 minutes of any hour, in the night too. */
    { KEFU_COMPLAINT_STAGE_ROUTED, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, TRUE, fri_2300,
      KEFU_COMPLAINT_DEADLINE_ACKNOWLEDGE, 11, 27, 23, 30 },
    { KEFU_COMPLAINT_STAGE_NEW, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, TRUE, fri_2300,
      KEFU_COMPLAINT_DEADLINE_ROUTE, 11, 27, 23, 30 },
    /* Resolution in working days per category. */
    { KEFU_COMPLAINT_STAGE_IN_PROGRESS, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, fri_1600,
      KEFU_COMPLAINT_DEADLINE_RESOLVE, 11, 30, 16, 0 },
    { KEFU_COMPLAINT_STAGE_IN_PROGRESS, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, fri_1600,
      KEFU_COMPLAINT_DEADLINE_RESOLVE, 11, 28, 16, 0 },
    { KEFU_COMPLAINT_STAGE_IN_PROGRESS, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, TRUE, fri_1600,
      KEFU_COMPLAINT_DEADLINE_RESOLVE, 11, 30, 16, 0 },
    /* The callback: 3 working days after the resolution. */
    { KEFU_COMPLAINT_STAGE_RESOLVED, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, fri_1600,
      KEFU_COMPLAINT_DEADLINE_CALLBACK, 12, 1, 16, 0 },
    /* Waiting for the close, and finished: no deadline. */
    { KEFU_COMPLAINT_STAGE_CALLED_BACK, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, fri_1600,
      KEFU_COMPLAINT_DEADLINE_NONE, 0, 0, 0, 0 },
    { KEFU_COMPLAINT_STAGE_CLOSED, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE, fri_1600,
      KEFU_COMPLAINT_DEADLINE_NONE, 0, 0, 0, 0 },
    { KEFU_COMPLAINT_STAGE_EXPLAINED, KEFU_COMPLAINT_CATEGORY_UNSPECIFIED, FALSE, fri_1600,
      KEFU_COMPLAINT_DEADLINE_NONE, 0, 0, 0, 0 },
  };

  kefu_complaint_deadline_rules_init_defaults (&rules);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) due = NULL;
      KefuComplaintDeadline kind;

      g_test_message ("case %u", i);
      kind = kefu_complaint_deadline_for_stage (cases[i].stage, cases[i].category, cases[i].harmed,
                                                cases[i].since, &rules, cal, &due);
      g_assert_cmpint (kind, ==, cases[i].want_kind);
      if (cases[i].month == 0)
        g_assert_null (due);
      else
        {
          g_autoptr(GDateTime) want = at (tz, cases[i].month, cases[i].day, cases[i].hour,
                                          cases[i].minute);

          assert_same_time (due, want);
        }
    }

  /* Other rules are followed: 4 working hours from Friday 16:30 is Saturday 11:30. */
  {
    g_autoptr(GDateTime) due = NULL;
    g_autoptr(GDateTime) want = at (tz, 11, 28, 11, 30);

    rules.acknowledge_minutes = 240;
    kefu_complaint_deadline_for_stage (KEFU_COMPLAINT_STAGE_ROUTED,
                                       KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, fri_1630,
                                       &rules, cal, &due);
    assert_same_time (due, want);
  }
}

/* "A deadline never falls in the night": from every start over a week, each working-time deadline
 * lies in working time or at the very end of a working period. */
static void
test_never_in_the_night (void)
{
  g_autoptr(GTimeZone) tz = shanghai ();
  g_autoptr(KefuWorkCalendar) cal = office_calendar (tz);
  g_autoptr(GDateTime) start = at (tz, 11, 23, 0, 0);
  KefuComplaintDeadlineRules rules;
  const KefuComplaintStage stages[] = {
    KEFU_COMPLAINT_STAGE_NEW, KEFU_COMPLAINT_STAGE_ROUTED, KEFU_COMPLAINT_STAGE_IN_PROGRESS,
    KEFU_COMPLAINT_STAGE_RESOLVED, KEFU_COMPLAINT_STAGE_REOPENED,
  };
  guint n_checked = 0;

  kefu_complaint_deadline_rules_init_defaults (&rules);

  for (int minutes = 0; minutes < 7 * 24 * 60; minutes += 37)
    {
      g_autoptr(GDateTime) since = g_date_time_add_minutes (start, minutes);

      for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
        {
          g_autoptr(GDateTime) due = NULL;
          g_autoptr(GDateTime) just_before = NULL;

          kefu_complaint_deadline_for_stage (stages[s], KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY,
                                             FALSE, since, &rules, cal, &due);
          g_assert_nonnull (due);
          g_assert_cmpint (g_date_time_compare (due, since), >, 0);
          just_before = g_date_time_add_seconds (due, -1);
          g_assert_true (kefu_work_calendar_is_working_time (cal, just_before));
          g_assert_cmpint (g_date_time_get_hour (due) * 60 + g_date_time_get_minute (due), >, 8 * 60 + 30);
          g_assert_cmpint (g_date_time_get_hour (due) * 60 + g_date_time_get_minute (due), <=, 17 * 60 + 30);
          g_assert_cmpint (g_date_time_get_day_of_week (due), !=, 7);
          n_checked++;
        }
    }

  g_assert_cmpuint (n_checked, >, 1000);
}

static void
test_deadline_state (void)
{
  g_autoptr(GTimeZone) tz = shanghai ();
  g_autoptr(GDateTime) since = at (tz, 11, 27, 10, 0);
  g_autoptr(GDateTime) due = at (tz, 11, 27, 14, 0);  /* four hours allowed */
  struct { int hour, minute; KefuDeadlineState want; } cases[] = {
    { 9, 0, KEFU_DEADLINE_STATE_ON_TIME },
    { 10, 0, KEFU_DEADLINE_STATE_ON_TIME },
    { 13, 0, KEFU_DEADLINE_STATE_ON_TIME },   /* exactly a quarter left */
    { 13, 1, KEFU_DEADLINE_STATE_SOON },      /* less than a quarter */
    { 13, 59, KEFU_DEADLINE_STATE_SOON },
    { 14, 0, KEFU_DEADLINE_STATE_OVERDUE },
    { 23, 0, KEFU_DEADLINE_STATE_OVERDUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = at (tz, 11, 27, cases[i].hour, cases[i].minute);

      g_test_message ("case %u", i);
      g_assert_cmpint (kefu_deadline_state (since, due, now), ==, cases[i].want);
    }

  {
    g_autoptr(GDateTime) now = at (tz, 11, 27, 12, 0);

    g_assert_cmpint (kefu_deadline_state (since, NULL, now), ==, KEFU_DEADLINE_STATE_NONE);
    g_assert_cmpint (kefu_deadline_state (NULL, due, now), ==, KEFU_DEADLINE_STATE_ON_TIME);
  }
}

static void
test_escalation_levels (void)
{
  g_autoptr(GTimeZone) tz = shanghai ();
  g_autoptr(GDateTime) since = at (tz, 11, 27, 10, 0);
  g_autoptr(GDateTime) due = at (tz, 11, 27, 12, 0);  /* two hours allowed */
  struct { int day, hour, minute; KefuEscalationLevel want; } cases[] = {
    { 27, 10, 0, KEFU_ESCALATION_NONE },
    { 27, 11, 59, KEFU_ESCALATION_NONE },
    { 27, 12, 0, KEFU_ESCALATION_TEAM_LEAD },    /* past due */
    { 27, 13, 59, KEFU_ESCALATION_TEAM_LEAD },
    { 27, 14, 0, KEFU_ESCALATION_CS_MANAGER },   /* past due + the allowed time again */
    { 27, 15, 59, KEFU_ESCALATION_CS_MANAGER },
    { 27, 16, 0, KEFU_ESCALATION_GM_OFFICE },    /* after that */
    { 30, 9, 0, KEFU_ESCALATION_GM_OFFICE },     /* and never beyond */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = at (tz, 11, cases[i].day, cases[i].hour, cases[i].minute);

      g_test_message ("case %u", i);
      g_assert_cmpint (kefu_complaint_escalation_due (since, due, now), ==, cases[i].want);
    }

  /* No deadline: never escalated. */
  {
    g_autoptr(GDateTime) later = at (tz, 12, 27, 10, 0);

    g_assert_cmpint (kefu_complaint_escalation_due (since, NULL, later), ==, KEFU_ESCALATION_NONE);
  }

  g_assert_cmpint (kefu_escalation_level_role (KEFU_ESCALATION_TEAM_LEAD), ==, KEFU_ROLE_TEAM_LEAD);
  g_assert_cmpint (kefu_escalation_level_role (KEFU_ESCALATION_CS_MANAGER), ==, KEFU_ROLE_CS_MANAGER);
  g_assert_cmpint (kefu_escalation_level_role (KEFU_ESCALATION_GM_OFFICE), ==, KEFU_ROLE_GM_OFFICE);
}

/* The check as the store runs it, every five minutes on two workstations at once: the stored
 * level only rises to what is due, so each level is reached once and in order. */
static void
test_no_double_escalation (void)
{
  g_autoptr(GTimeZone) tz = shanghai ();
  g_autoptr(KefuWorkCalendar) cal = office_calendar (tz);
  g_autoptr(GDateTime) since = at (tz, 11, 27, 16, 30);
  g_autoptr(GDateTime) due = NULL;
  KefuComplaintDeadlineRules rules;
  KefuEscalationLevel stored = KEFU_ESCALATION_NONE;
  KefuEscalationLevel previous_due = KEFU_ESCALATION_NONE;
  guint events[KEFU_ESCALATION_GM_OFFICE + 1] = { 0 };

  kefu_complaint_deadline_rules_init_defaults (&rules);
  kefu_complaint_deadline_for_stage (KEFU_COMPLAINT_STAGE_ROUTED,
                                     KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY, FALSE, since,
                                     &rules, cal, &due);

  for (int minutes = 0; minutes <= 10 * 24 * 60; minutes += 5)
    {
      g_autoptr(GDateTime) now = g_date_time_add_minutes (since, minutes);
      KefuEscalationLevel level = kefu_complaint_escalation_due (since, due, now);

      /* Monotonic and capped. */
      g_assert_cmpint (level, >=, previous_due);
      g_assert_cmpint (level, <=, KEFU_ESCALATION_GM_OFFICE);
      previous_due = level;

      for (int workstation = 0; workstation < 2; workstation++)
        while (stored < level)
          {
            stored++;
            events[stored]++;
          }
    }

  g_assert_cmpint (stored, ==, KEFU_ESCALATION_GM_OFFICE);
  g_assert_cmpuint (events[KEFU_ESCALATION_TEAM_LEAD], ==, 1);
  g_assert_cmpuint (events[KEFU_ESCALATION_CS_MANAGER], ==, 1);
  g_assert_cmpuint (events[KEFU_ESCALATION_GM_OFFICE], ==, 1);
}

static GPtrArray *
times_at (GDateTime   *base,
          const double *days,
          guint        n)
{
  GPtrArray *times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (times, g_date_time_add_seconds (base, days[i] * 24 * 3600));
  return times;
}

static void
test_batch_cluster (void)
{
  g_autoptr(GTimeZone) tz = shanghai ();
  g_autoptr(GDateTime) base = at (tz, 11, 1, 9, 0);
  const double within[] = { 0, 2, 6.5 };
  const double spread[] = { 0, 4, 8 };
  const double unordered[] = { 6.5, 0, 2 };
  const double edge[] = { 0, 3, 7 };
  const double later[] = { 0, 10, 11, 12, 13 };
  struct { const double *days; guint n; gboolean want; double flagged_day; } cases[] = {
    { within, 3, TRUE, 6.5 },      /* the third within 7 days flags the batch */
    { spread, 3, FALSE, 0 },       /* three spread over 8 days do not */
    { unordered, 3, TRUE, 6.5 },   /* in any order */
    { edge, 3, FALSE, 0 },         /* seven full days apart is outside the window */
    { later, 5, TRUE, 12 },        /* the cluster comes later; flagged at its third */
    { within, 2, FALSE, 0 },       /* two are not enough */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) times = times_at (base, cases[i].days, cases[i].n);
      g_autoptr(GDateTime) flagged = NULL;
      gboolean got = kefu_batch_cluster_check (times, 7, 3, &flagged);

      g_test_message ("case %u", i);
      g_assert_cmpint (got, ==, cases[i].want);
      if (got)
        {
          g_autoptr(GDateTime) want = g_date_time_add_seconds (base, cases[i].flagged_day * 24 * 3600);

          assert_same_time (flagged, want);
        }
      else
        g_assert_null (flagged);
    }

  /* Other settings: two within a day. */
  {
    const double pair[] = { 0, 0.5 };
    g_autoptr(GPtrArray) times = times_at (base, pair, 2);

    g_assert_true (kefu_batch_cluster_check (times, 1, 2, NULL));
    g_assert_false (kefu_batch_cluster_check (times, 1, 3, NULL));
  }
}

static void
test_batch_number_key (void)
{
  struct { const char *text; const char *want; } cases[] = {
    { "ab-01 ", "AB-01" },
    { "ＡＢ－０１", "AB-01" },
    { "\u3000b2\u3000", "B2" },
    { "20261101a", "20261101A" },
    { "", NULL },
    { "   ", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = kefu_batch_number_key (cases[i].text);

      g_assert_cmpstr (key, ==, cases[i].want);
    }
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_card (void)
{
  g_autoptr(GTimeZone) tz = shanghai ();
  g_autoptr(KefuComplaintCard) card = kefu_complaint_card_new ();
  g_autoptr(GDateTime) since = at (tz, 11, 27, 10, 0);
  g_autoptr(GDateTime) since_again = at (tz, 11, 27, 10, 0);
  g_autoptr(GDateTime) due = at (tz, 11, 27, 14, 0);
  g_autoptr(GDateTime) now = at (tz, 11, 27, 13, 30);
  g_autofree char *reference = NULL;
  KefuComplaintStage stage = KEFU_COMPLAINT_STAGE_NEW;
  guint n_notified = 0;

  g_signal_connect (card, "notify", G_CALLBACK (notify_cb), &n_notified);

  kefu_complaint_card_set_reference (card, "TS-20261127-0001");
  kefu_complaint_card_set_reference (card, "TS-20261127-0001");  /* unchanged: no notify */
  kefu_complaint_card_set_stage (card, KEFU_COMPLAINT_STAGE_ROUTED);
  kefu_complaint_card_set_stage_since (card, since);
  kefu_complaint_card_set_stage_since (card, since_again);       /* an equal time: no notify */
  kefu_complaint_card_set_harmed (card, TRUE);
  g_assert_cmpuint (n_notified, ==, 4);

  g_object_get (card, "reference", &reference, "stage", &stage, NULL);
  g_assert_cmpstr (reference, ==, "TS-20261127-0001");
  g_assert_cmpint (stage, ==, KEFU_COMPLAINT_STAGE_ROUTED);
  g_assert_true (kefu_complaint_card_get_harmed (card));
  g_assert_true (kefu_complaint_card_get_stage_since (card) == since);

  /* No deadline yet: no colour. */
  g_assert_cmpint (kefu_complaint_card_get_deadline_state (card, now), ==, KEFU_DEADLINE_STATE_NONE);
  kefu_complaint_card_set_due (card, KEFU_COMPLAINT_DEADLINE_ACKNOWLEDGE, due);
  g_assert_cmpint (kefu_complaint_card_get_due_kind (card), ==, KEFU_COMPLAINT_DEADLINE_ACKNOWLEDGE);
  g_assert_true (kefu_complaint_card_get_due_at (card) == due);
  /* Half an hour of four left: amber. */
  g_assert_cmpint (kefu_complaint_card_get_deadline_state (card, now), ==, KEFU_DEADLINE_STATE_SOON);
  /* A kind without a time is no deadline. */
  kefu_complaint_card_set_due (card, KEFU_COMPLAINT_DEADLINE_RESOLVE, NULL);
  g_assert_cmpint (kefu_complaint_card_get_due_kind (card), ==, KEFU_COMPLAINT_DEADLINE_NONE);
  g_assert_null (kefu_complaint_card_get_due_at (card));

  kefu_complaint_card_add_department_id (card, 3);
  kefu_complaint_card_add_department_id (card, 5);
  g_assert_cmpuint (kefu_complaint_card_get_department_ids (card)->len, ==, 2);
  g_assert_cmpint (g_array_index (kefu_complaint_card_get_department_ids (card), gint64, 1), ==, 5);

  kefu_complaint_card_set_satisfaction (card, KEFU_SATISFACTION_SO_SO);
  kefu_complaint_card_set_escalation (card, KEFU_ESCALATION_CS_MANAGER);
  kefu_complaint_card_set_n_visits (card, 2);
  g_assert_cmpint (kefu_complaint_card_get_satisfaction (card), ==, KEFU_SATISFACTION_SO_SO);
  g_assert_cmpint (kefu_complaint_card_get_escalation (card), ==, KEFU_ESCALATION_CS_MANAGER);
  g_assert_cmpuint (kefu_complaint_card_get_n_visits (card), ==, 2);

  g_signal_handlers_disconnect_by_data (card, &n_notified);
  g_assert_finalize_object (g_steal_pointer (&card));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/complaint-deadlines/defaults", test_defaults);
  g_test_add_func ("/kefu/complaint-deadlines/for-stage", test_deadline_for_stage);
  g_test_add_func ("/kefu/complaint-deadlines/never-in-the-night", test_never_in_the_night);
  g_test_add_func ("/kefu/complaint-deadlines/state", test_deadline_state);
  g_test_add_func ("/kefu/complaint-deadlines/escalation-levels", test_escalation_levels);
  g_test_add_func ("/kefu/complaint-deadlines/no-double-escalation", test_no_double_escalation);
  g_test_add_func ("/kefu/complaint-deadlines/batch-cluster", test_batch_cluster);
  g_test_add_func ("/kefu/complaint-deadlines/batch-number-key", test_batch_number_key);
  g_test_add_func ("/kefu/complaint-deadlines/card", test_card);

  return g_test_run ();
}
