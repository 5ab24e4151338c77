/* core-test-helpers.h: what several core tests assert the same way: the result of a flow's
 * check, and the words a timeline tells a list of events with. */
#pragma once

#include <glib.h>

#include "kefu-complaint-timeline.h"

/* Asserts `ok` and no error when `code` < 0, else a refusal with `code` in `domain`. */
static inline void
core_test_assert_result (gboolean  ok,
                         GError   *error,
                         GQuark    domain,
                         int       code)
{
  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, domain, code);
    }
}

/* China Standard Time, as at the sites; the test fails rather than silently use UTC without
 * tzdata. */
static inline GTimeZone *
core_test_shanghai (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Asia/Shanghai");

  g_assert_nonnull (tz);
  return tz;
}

/* An event on entity `entity` by 王芳, 2026-11-27 02:00 UTC. */
static inline KefuEvent *
core_test_event_new (const char *entity,
                     const char *action,
                     const char *details)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 27, 2, 0, 0);

  return kefu_event_new (1, when, 7, "王芳", entity, 42, action, details);
}

/* An event and the words expected for it (`icon` NULL: any symbolic icon). */
typedef struct
{
  const char *action;
  const char *details;
  const char *title;
  const char *text;
  const char *icon;
} CoreTestTimelineCase;

/* The four functions a timeline tells events with. */
typedef struct
{
  char       *(*title)     (KefuEvent *event);
  char       *(*text)      (KefuEvent *event);
  GPtrArray  *(*changes)   (KefuEvent *event);
  const char *(*icon_name) (KefuEvent *event);
} CoreTestTimelineWords;

/* Checks each case's title, text and icon; none of them has field changes. */
static inline void
core_test_check_timeline (const CoreTestTimelineWords *words,
                          const char                  *entity,
                          const CoreTestTimelineCase  *cases,
                          guint                        n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuEvent) event = core_test_event_new (entity, cases[i].action, cases[i].details);
      g_autofree char *title = words->title (event);
      g_autofree char *text = words->text (event);
      g_autoptr(GPtrArray) changes = words->changes (event);

      g_test_message ("%s %s %s", entity, cases[i].action, cases[i].details);
      g_assert_cmpstr (title, ==, cases[i].title);
      g_assert_cmpstr (text, ==, cases[i].text);
      if (cases[i].icon != NULL)
        g_assert_cmpstr (words->icon_name (event), ==, cases[i].icon);
      g_assert_true (g_str_has_suffix (words->icon_name (event), "-symbolic"));
      g_assert_cmpuint (changes->len, ==, 0);
    }
}
