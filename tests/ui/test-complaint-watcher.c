/* test-complaint-watcher.c: the escalation check and notices of a workstation
 * (KefuComplaintWatcher) over a real store, and the words of each notice.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-complaint-watcher"

#include "config.h"

#include "kefu-complaint-watcher.h"

#include "test-complaint-company.h"

typedef struct
{
  gint64  complaint_id;
  gint64  event_id;
  char   *title;
  char   *body;
  gboolean urgent;
} Notice;

static void
notice_free (Notice *notice)
{
  g_free (notice->title);
  g_free (notice->body);
  g_free (notice);
}

typedef struct
{
  GPtrArray *notices;
  guint      n_checked;
  guint      n_escalated;
  gboolean   changed;
} Seen;

static void
notice_cb (KefuComplaintWatcher *watcher,
           gint64                complaint_id,
           gint64                event_id,
           const char           *title,
           const char           *body,
           gboolean              urgent,
           Seen                 *seen)
{
  Notice *notice = g_new0 (Notice, 1);

  notice->complaint_id = complaint_id;
  notice->event_id = event_id;
  notice->title = g_strdup (title);
  notice->body = g_strdup (body);
  notice->urgent = urgent;
  g_ptr_array_add (seen->notices, notice);
}

static void
checked_cb (KefuComplaintWatcher *watcher,
            guint                 n_escalated,
            gboolean              changed,
            Seen                 *seen)
{
  seen->n_checked++;
  seen->n_escalated += n_escalated;
  seen->changed = changed;
}

static KefuStaff *
get_staff (KefuStore *store,
           gint64     id)
{
  g_autoptr(GError) error = NULL;
  KefuStaff *staff = kefu_store_get_staff (store, id, NULL, &error);

  g_assert_no_error (error);
  return staff;
}

static const Notice *
find_notice (Seen       *seen,
             gint64      complaint_id,
             const char *title_prefix)
{
  for (guint i = 0; i < seen->notices->len; i++)
    {
      const Notice *notice = seen->notices->pdata[i];

      if (notice->complaint_id == complaint_id && g_str_has_prefix (notice->title, title_prefix))
        return notice;
    }

  return NULL;
}

static KefuEvent *
complaint_event (gint64      id,
                 gint64      complaint_id,
                 const char *action,
                 const char *details)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return kefu_event_new (id, now, 0, "system", "complaint", complaint_id, action, details);
}

static KefuComplaintCard *
card (gboolean urgent)
{
  KefuComplaintCard *card = kefu_complaint_card_new ();

  kefu_complaint_card_set_id (card, 7);
  kefu_complaint_card_set_reference (card, "TS-20261127-0003");
  kefu_complaint_card_set_customer_name (card, "王女士");
  kefu_complaint_card_set_reason (card, "牛奶有异味\n喝了以后肚子疼");
  kefu_complaint_card_set_departments (card, "品控部、客服中心");
  kefu_complaint_card_set_batch_number (card, "20261120A");
  kefu_complaint_card_set_urgent (card, urgent);
  kefu_complaint_card_set_harmed (card, urgent);
  return card;
}

/* The words of each kind of notice, in English (the tests run in the C locale). */
static void
test_notice_words (void)
{
  struct {
    const char *action;
    const char *details;
    gboolean    urgent_card;
    gboolean    notified;
    const char *title;
    const char *body_part;
    gboolean    urgent;
  } cases[] = {
    { "routed", "{\"departments\":[{\"id\":3,\"name\":\"品控部\"}],\"from\":\"new\",\"to\":\"routed\"}",
      FALSE, TRUE, "Complaint TS-20261127-0003 routed to 品控部、客服中心", "王女士: 牛奶有异味", FALSE },
    { "escalated", "{\"level\":2,\"role\":\"cs-manager\",\"deadline\":\"acknowledge\",\"by_hand\":false}",
      FALSE, TRUE, "Escalated to you: TS-20261127-0003 (acknowledgement late)", "王女士: 牛奶有异味", FALSE },
    { "escalated", "{\"level\":1,\"role\":\"team-lead\",\"deadline\":null,\"by_hand\":true,\"text\":\"\\\"deadline\\\":\\\"resolve\\\"\"}",
      FALSE, TRUE, "Escalated to you: TS-20261127-0003 (by hand)", NULL, FALSE },
    { "routed", "{\"departments\":[{\"id\":3,\"name\":\"品控部\"}],\"from\":\"new\",\"to\":\"routed\"}",
      TRUE, TRUE, "Urgent: customer harmed — TS-20261127-0003", "王女士: 牛奶有异味", TRUE },
    { "batch-flagged", "{\"alert_id\":7,\"batch_number\":\"20261120A\",\"count\":3}",
      FALSE, TRUE, "Batch 20261120A flagged: 3 complaints in 7 days", "TS-20261127-0003", TRUE },
    { "note", "{\"text\":\"客户来电催促\"}", FALSE, FALSE, NULL, NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KefuEvent) event = complaint_event (10 + i, 7, cases[i].action, cases[i].details);
      g_autoptr(KefuComplaintCard) c = card (cases[i].urgent_card);
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      gboolean urgent = FALSE;

      g_test_message ("case %u: %s", i, cases[i].action);
      g_assert_cmpint (kefu_complaint_notice_describe (event, c, 0, 7, &title, &body, &urgent), ==,
                       cases[i].notified);
      if (!cases[i].notified)
        continue;
      g_assert_cmpstr (title, ==, cases[i].title);
      if (cases[i].body_part != NULL)
        g_assert_nonnull (strstr (body, cases[i].body_part));
      /* Only the first line of the reason: a notification is short. */
      g_assert_null (strstr (body, "肚子疼"));
      g_assert_cmpint (urgent, ==, cases[i].urgent);
    }

  /* Someone in the QC department reads their own department in a routing. */
  {
    g_autoptr(KefuEvent) event = complaint_event (21, 7, "routed",
                                                  "{\"departments\":[{\"id\":1,\"name\":\"客服中心\"},"
                                                  "{\"id\":3,\"name\":\"品控部\"}],\"from\":\"new\","
                                                  "\"to\":\"routed\"}");
    g_autoptr(KefuComplaintCard) c = card (FALSE);
    g_autofree char *title = NULL;
    g_autofree char *body = NULL;

    g_assert_true (kefu_complaint_notice_describe (event, c, 3, 7, &title, &body, NULL));
    g_assert_cmpstr (title, ==, "Complaint TS-20261127-0003 routed to 品控部");
    g_clear_pointer (&title, g_free);
    g_clear_pointer (&body, g_free);
    /* A department the event does not name: every routed one, from the card. */
    g_assert_true (kefu_complaint_notice_describe (event, c, 9, 7, &title, &body, NULL));
    g_assert_cmpstr (title, ==, "Complaint TS-20261127-0003 routed to 品控部、客服中心");
  }

  /* Without the card (it could not be read) the notice still names the complaint. */
  {
    g_autoptr(KefuEvent) event = complaint_event (20, 42, "escalated",
                                                  "{\"level\":1,\"deadline\":\"resolve\"}");
    g_autofree char *title = NULL;
    g_autofree char *body = NULL;

    g_assert_true (kefu_complaint_notice_describe (event, NULL, 0, 7, &title, &body, NULL));
    g_assert_cmpstr (title, ==, "Escalated to you: #42 (resolution late)");
  }
}

/* The first check of a database only notes where the log stands; a complaint that then goes past
 * its deadline is escalated by the next check, which tells the team lead, but never tells the
 * person what they did themselves. */
static void
test_escalates_and_notifies (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "kefu.db", NULL);
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(KefuComplaintWatcher) watcher = kefu_complaint_watcher_new ();
  g_autoptr(KefuStaff) lead = NULL;
  g_autoptr(KefuComplaintCard) escalated = NULL;
  g_autoptr(GError) error = NULL;
  Seen seen = { g_ptr_array_new_with_free_func ((GDestroyNotify) notice_free), 0, 0, FALSE };
  const Notice *notice;
  Dairy dairy;
  gint64 old_id, own_id, late_id;

  dairy_setup (store, &dairy);
  lead = get_staff (store, dairy.team_lead);
  /* Yesterday's complaint, before this workstation started: no notice about it. */
  old_id = dairy_complaint (store, &dairy, dairy.clerk, "张三", KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY,
                            FALSE);

  g_signal_connect (watcher, "notice", G_CALLBACK (notice_cb), &seen);
  g_signal_connect (watcher, "checked", G_CALLBACK (checked_cb), &seen);
  /* As the window does: who works is the store's actor. */
  kefu_store_set_actor (store, dairy.team_lead);
  g_object_set (watcher, "interval", 0, "staff", lead, "store", store, NULL);
  g_assert_true (kefu_complaint_watcher_get_busy (watcher));
  kefu_test_wait_until (!kefu_complaint_watcher_get_busy (watcher));
  g_assert_cmpuint (seen.n_checked, ==, 1);
  g_assert_cmpuint (seen.notices->len, ==, 0);

  /* One complaint the team lead took themselves, one a clerk took that then waits too long. */
  own_id = dairy_complaint (store, &dairy, dairy.team_lead, "李四",
                            KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE);
  late_id = dairy_complaint (store, &dairy, dairy.clerk, "王五",
                             KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY, FALSE);
  dairy_make_overdue (path, late_id);

  kefu_complaint_watcher_check (watcher);
  kefu_test_wait_until (!kefu_complaint_watcher_get_busy (watcher));
  g_assert_cmpuint (seen.n_checked, ==, 2);
  g_assert_cmpuint (seen.n_escalated, >=, 1);
  g_assert_true (seen.changed);

  /* The store recorded the escalation, and the team lead heard of it in words. */
  escalated = kefu_store_get_complaint_card (store, late_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_complaint_card_get_escalation (escalated), >=, KEFU_ESCALATION_TEAM_LEAD);
  notice = find_notice (&seen, late_id, "Escalated to you: ");
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice->title, kefu_complaint_card_get_reference (escalated)));
  g_assert_nonnull (strstr (notice->body, "王五"));
  g_assert_cmpint (notice->event_id, >, 0);

  /* Nothing about the old complaint (before the first check) nor about the lead's own intake. */
  for (guint i = 0; i < seen.notices->len; i++)
    {
      const Notice *n = seen.notices->pdata[i];

      g_assert_cmpint (n->complaint_id, !=, old_id);
      if (n->complaint_id == own_id)
        g_assert_false (g_str_has_prefix (n->title, "Complaint "));
    }

  /* A check that finds nothing new changes nothing and tells nobody again. */
  {
    guint before = seen.notices->len;

    kefu_complaint_watcher_check (watcher);
    kefu_test_wait_until (!kefu_complaint_watcher_get_busy (watcher));
    g_assert_cmpuint (seen.n_checked, ==, 3);
    g_assert_cmpuint (seen.notices->len, ==, before);
    g_assert_false (seen.changed);
  }

  g_object_set (watcher, "store", NULL, NULL);
  g_clear_object (&watcher);
  g_ptr_array_unref (seen.notices);
  g_clear_object (&store);
  kefu_test_remove_dir (dir);
}

/* Checks asked for while one runs make one more check, never two at once. */
static void
test_never_two_at_once (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  g_autoptr(KefuComplaintWatcher) watcher = kefu_complaint_watcher_new ();
  g_autoptr(KefuStaff) manager = NULL;
  Seen seen = { g_ptr_array_new_with_free_func ((GDestroyNotify) notice_free), 0, 0, FALSE };
  Dairy dairy;

  dairy_setup (store, &dairy);
  manager = get_staff (store, dairy.cs_manager);
  kefu_store_set_actor (store, dairy.cs_manager);
  g_signal_connect (watcher, "checked", G_CALLBACK (checked_cb), &seen);
  /* Without anyone working there is no check. */
  g_object_set (watcher, "interval", 0, "store", store, NULL);
  g_assert_false (kefu_complaint_watcher_get_busy (watcher));
  kefu_complaint_watcher_check (watcher);
  g_assert_false (kefu_complaint_watcher_get_busy (watcher));

  g_object_set (watcher, "staff", manager, NULL);
  kefu_test_wait_until (!kefu_complaint_watcher_get_busy (watcher));
  g_assert_cmpuint (seen.n_checked, ==, 1);
  seen.n_checked = 0;
  kefu_complaint_watcher_check (watcher);
  kefu_complaint_watcher_check (watcher);
  kefu_test_wait_until (!kefu_complaint_watcher_get_busy (watcher));
  g_assert_cmpuint (seen.n_checked, ==, 2);

  /* Every `interval` seconds by itself. */
  seen.n_checked = 0;
  g_object_set (watcher, "interval", 1, NULL);
  kefu_test_wait_until (seen.n_checked >= 2);
  g_object_set (watcher, "interval", 0, NULL);
  kefu_test_wait_until (!kefu_complaint_watcher_get_busy (watcher));

  /* A new store cancels the check of the old one: only the new one reports. */
  seen.n_checked = 0;
  kefu_complaint_watcher_check (watcher);
  g_object_set (watcher, "store", NULL, NULL);
  g_assert_false (kefu_complaint_watcher_get_busy (watcher));
  kefu_test_flush ();
  g_assert_cmpuint (seen.n_checked, ==, 0);

  g_clear_object (&watcher);
  g_ptr_array_unref (seen.notices);
  g_clear_object (&store);
  kefu_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/kefu/ui/complaint-watcher/notice-words", test_notice_words);
  g_test_add_func ("/kefu/ui/complaint-watcher/escalates-and-notifies", test_escalates_and_notifies);
  g_test_add_func ("/kefu/ui/complaint-watcher/never-two-at-once", test_never_two_at_once);

  status = g_test_run ();
  kefu_test_remove_dir (data_home);
  return status;
}
