/* test-callback-page.c: doing a callback over a real store: the page claims the callback (a
 * second connection to the same file sees it claimed, and a page opened while another clerk
 * holds it is read-only and says who), shows the script filled with the customer's name and the
 * company, the branch of the answer picked, the quiet-hour warning; records a "no answer" (the
 * callback stays due, the next attempt later, the claim released), refuses "not satisfied"
 * without the customer's words with the reason, then saves it with them; a complaint callback
 * answered "not satisfied" reopens the complaint.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-callback-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "callbacks/kefu-callback-page.h"
#include "callbacks/kefu-callback-record-form.h"
#include "core/kefu-settings-keys.h"
#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-complaints.h"

#include "../store/kefu-test-company.h"
#include "kefu-ui-test.h"

#define COMPANY "康乐乳业"
#define OTHER_WORKSTATION "pc-99:4242"

/* The assertions on words read the English strings; with KEFU_TEST_LOCALEDIR set the pictures
 * are taken in another language, and only the words of the data are checked. */
static gboolean
in_english (void)
{
  return g_getenv ("KEFU_TEST_LOCALEDIR") == NULL;
}

typedef struct
{
  char              *dir;
  char              *path;
  KefuStore         *store;
  AdwWindow         *window;
  AdwNavigationView *navigation;
  KefuCallbackPage  *page;
  gint64             clerk;       /* 周敏 */
  gint64             other;       /* 王芳 */
  gint64             lead;        /* 赵敏 */
  gint64             qc_manager;  /* 陈静 */
  gint64             customer;    /* 张三, a member */
  GArray            *recorded;    /* "callbacks.recorded" ids */
} Fixture;

static void
id_activated_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  gint64 id = g_variant_get_int64 (parameter);

  g_array_append_val (user_data, id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) recorded = g_simple_action_new ("recorded", G_VARIANT_TYPE_INT64);
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13912345678", NULL };
  gint64 hotline, qc;

  fixture->dir = kefu_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "kefu.db", NULL);
  fixture->store = kefu_test_open_store (fixture->dir);
  fixture->recorded = g_array_new (FALSE, FALSE, sizeof (gint64));

  kefu_store_set_system_actor (fixture->store);
  hotline = kefu_test_make_department (fixture->store, "热线组");
  qc = kefu_test_make_department (fixture->store, "品控部");
  fixture->clerk = kefu_test_make_staff (fixture->store, "周敏", "zhoumin", KEFU_ROLE_CLERK,
                                         hotline, TRUE);
  fixture->other = kefu_test_make_staff (fixture->store, "王芳", "wangfang", KEFU_ROLE_CLERK,
                                         hotline, TRUE);
  fixture->lead = kefu_test_make_staff (fixture->store, "赵敏", "zhaomin", KEFU_ROLE_TEAM_LEAD,
                                        hotline, TRUE);
  fixture->qc_manager = kefu_test_make_staff (fixture->store, "陈静", "chenjing",
                                              KEFU_ROLE_QC_MANAGER, qc, TRUE);
  g_assert_true (kefu_store_set_setting (fixture->store, KEFU_SETTING_SITE_COMPANY_NAME, COMPANY,
                                         NULL, &error));
  g_assert_no_error (error);

  kefu_customer_set_name (customer, "张三");
  kefu_customer_set_address (customer, "北京市朝阳区建国路88号");
  kefu_customer_set_phones (customer, phones);
  kefu_customer_set_is_member (customer, TRUE);
  kefu_customer_set_member_number (customer, "VIP-0042");
  g_assert_true (kefu_store_create_customer (fixture->store, customer, NULL, &error));
  g_assert_no_error (error);
  fixture->customer = kefu_record_get_id (KEFU_RECORD (customer));

  /* The pane's action, recorded. */
  g_signal_connect (recorded, "activate", G_CALLBACK (id_activated_cb), fixture->recorded);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (recorded));

  fixture->window = ADW_WINDOW (adw_window_new ());
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 1200);
  fixture->navigation = ADW_NAVIGATION_VIEW (adw_navigation_view_new ());
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "callbacks",
                                  G_ACTION_GROUP (group));
  adw_navigation_view_add (fixture->navigation,
                           adw_navigation_page_new (adw_status_page_new (), "Callbacks"));
  adw_window_set_content (fixture->window, GTK_WIDGET (fixture->navigation));
  gtk_window_present (GTK_WINDOW (fixture->window));
  kefu_store_set_actor (fixture->store, fixture->clerk);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  kefu_test_flush ();
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->recorded, g_array_unref);
  kefu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static KefuStaff *
get_staff (Fixture *fixture,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  KefuStaff *staff = kefu_store_get_staff (fixture->store, id, NULL, &error);

  g_assert_no_error (error);
  return staff;
}

/* An after-service callback for the customer, planned by the rules, for the team. */
static gint64
add_callback (Fixture            *fixture,
              KefuCallbackReason  reason,
              const char         *source_entity,
              gint64              source_id,
              const char         *topic)
{
  KefuCallbackInput input = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  input.customer_id = fixture->customer;
  input.reason = reason;
  input.source_entity = source_entity;
  input.source_id = source_id;
  input.topic = topic;
  input.method = KEFU_CALLBACK_METHOD_PHONE;
  kefu_store_set_actor (fixture->store, fixture->lead);
  id = kefu_store_create_callback (fixture->store, &input, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  kefu_store_set_actor (fixture->store, fixture->clerk);
  return id;
}

static KefuCallback *
stored_callback (Fixture *fixture,
                 gint64   id)
{
  g_autoptr(GError) error = NULL;
  KefuCallback *callback = kefu_store_get_callback (fixture->store, id, NULL, &error);

  g_assert_no_error (error);
  return callback;
}

static gboolean
claimed (Fixture *fixture,
         gint64   id)
{
  g_autoptr(KefuCallback) callback = stored_callback (fixture, id);

  return callback->claimed_by != 0;
}

/* A second workstation on the same file, working as `actor`. */
static KefuStore *
open_other_store (Fixture *fixture,
                  gint64   actor)
{
  g_autoptr(GError) error = NULL;
  KefuStore *other = kefu_store_open (fixture->path, NULL, &error);

  g_assert_no_error (error);
  kefu_store_set_actor (other, actor);
  return other;
}

static gboolean
page_busy (KefuCallbackPage *page)
{
  gboolean busy;

  g_object_get (page, "busy", &busy, NULL);
  return busy;
}

/* Opens the callback's page as `staff_id` and waits until it is read. */
static KefuCallbackPage *
open_page (Fixture *fixture,
           gint64   staff_id,
           gint64   callback_id)
{
  g_autoptr(KefuStaff) staff = get_staff (fixture, staff_id);
  KefuCallbackPage *page;

  kefu_store_set_actor (fixture->store, staff_id);
  page = KEFU_CALLBACK_PAGE (kefu_callback_page_new (fixture->store, staff, callback_id));
  adw_navigation_view_push (fixture->navigation, ADW_NAVIGATION_PAGE (page));
  kefu_test_wait_until (!page_busy (page) && _kefu_callback_page_get_callback (page) != NULL);
  return page;
}

static void
pop_page (Fixture *fixture)
{
  adw_navigation_view_pop (fixture->navigation);
  kefu_test_flush ();
}

static KefuCallbackRecordForm *
page_form (KefuCallbackPage *page)
{
  return KEFU_CALLBACK_RECORD_FORM (_kefu_callback_page_get_form (page));
}

/* The mapped button that runs `action`. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  g_autoptr(GPtrArray) buttons = kefu_test_find_all (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      const char *name = gtk_actionable_get_action_name (buttons->pdata[i]);

      if (g_strcmp0 (name, action) == 0 && gtk_widget_get_mapped (buttons->pdata[i]))
        return buttons->pdata[i];
    }
  return NULL;
}

/* How many mapped buttons run `action`. */
static guint
count_action_buttons (GtkWidget  *root,
                      const char *action)
{
  g_autoptr(GPtrArray) buttons = kefu_test_find_all (root, GTK_TYPE_BUTTON);
  guint n = 0;

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action) == 0
        && gtk_widget_get_mapped (buttons->pdata[i]))
      n++;
  return n;
}

/* Whether a label of the page shows `text`. */
static gboolean
page_shows_label (KefuCallbackPage *page,
                  const char       *text)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (GTK_WIDGET (page), GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0
        && gtk_widget_get_mapped (labels->pdata[i]))
      return TRUE;
  return FALSE;
}

/* Whether some row of the page shows `text` as its subtitle. */
static gboolean
page_shows_row (KefuCallbackPage *page,
                const char       *text)
{
  g_autoptr(GPtrArray) rows = kefu_test_find_all (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_action_row_get_subtitle (rows->pdata[i]), text) == 0
        && gtk_widget_get_mapped (rows->pdata[i]))
      return TRUE;
  return FALSE;
}

/* Whether some row of the page shows `text` within its subtitle. */
static gboolean
page_row_contains (KefuCallbackPage *page,
                   const char       *text)
{
  g_autoptr(GPtrArray) rows = kefu_test_find_all (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      const char *subtitle = adw_action_row_get_subtitle (rows->pdata[i]);

      if (subtitle != NULL && strstr (subtitle, text) != NULL
          && gtk_widget_get_mapped (rows->pdata[i]))
        return TRUE;
    }
  return FALSE;
}

static void
press_save (Fixture          *fixture,
            KefuCallbackPage *page)
{
  GtkWidget *save = find_action_button (GTK_WIDGET (page), "callback.save");

  g_assert_nonnull (save);
  g_assert_true (gtk_widget_is_sensitive (save));
  /* A click (gtk_widget_activate () would click a quarter of a second later). */
  g_signal_emit_by_name (save, "clicked");
  kefu_test_wait_until (!page_busy (page));
  kefu_test_flush ();
}

static GDateTime *
today_at (int hour,
          int minute)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now), hour, minute, 0);
}

/* Claimed on opening, seen claimed by a second workstation; the script filled with the
 * customer's name, the company and the clerk, its branch following the answer; the quiet-hour
 * warning; given up when the page is left. */
static void
test_claim_and_script (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 id = add_callback (fixture, KEFU_CALLBACK_REASON_AFTER_SERVICE, NULL, 0, "上门维修");
  g_autoptr(KefuStore) other = open_other_store (fixture, fixture->other);
  g_autoptr(KefuCallback) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) noon = today_at (12, 30);
  g_autoptr(GDateTime) morning = today_at (10, 0);
  g_autofree char *script = NULL;
  g_autofree char *branch = NULL;
  KefuCallbackRecordForm *form;
  GtkWidget *save;

  fixture->page = open_page (fixture, fixture->clerk, id);
  g_assert_true (_kefu_callback_page_holds_claim (fixture->page));
  g_assert_null (_kefu_callback_page_get_read_only_reason (fixture->page));

  /* Another workstation sees the claim, and cannot take it. */
  stored = stored_callback (fixture, id);
  g_assert_cmpint (stored->claimed_by, ==, fixture->clerk);
  g_assert_cmpstr (stored->claim_workstation, ==, kefu_store_get_workstation_id ());
  g_assert_false (kefu_store_claim_callback (other, id, OTHER_WORKSTATION, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CLAIMED);
  g_clear_error (&error);

  /* Renewed while the page is shown: the claim's time moves on. */
  g_usleep (1100 * 1000);
  _kefu_callback_page_renew_claim (fixture->page);
  kefu_test_wait_until (({
    g_autoptr(KefuCallback) now = stored_callback (fixture, id);
    g_date_time_compare (now->claim_renewed_at, stored->claim_renewed_at) > 0;
  }));
  g_assert_true (_kefu_callback_page_holds_claim (fixture->page));

  /* The script, filled: the customer, the company, the clerk, the topic. */
  script = _kefu_callback_page_dup_script (fixture->page);
  g_test_message ("%s", script);
  g_assert_nonnull (strstr (script, "张三"));
  g_assert_nonnull (strstr (script, COMPANY));
  g_assert_nonnull (strstr (script, "周敏"));
  g_assert_nonnull (strstr (script, "上门维修"));
  g_assert_null (strstr (script, "{customer}"));
  g_assert_null (strstr (script, "{company}"));
  g_assert_true (page_shows_label (fixture->page, "139 1234 5678"));

  /* Reached, nothing picked: Save waits for the answer, and says why. */
  form = page_form (fixture->page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (form)));
  g_assert_true (kefu_callback_record_form_set_outcome (form, KEFU_CALLBACK_OUTCOME_REACHED));
  g_assert_false (kefu_callback_record_form_get_valid (form));
  g_assert_nonnull (kefu_callback_record_form_get_reason (form));
  save = find_action_button (GTK_WIDGET (fixture->page), "callback.save");
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_is_sensitive (save));
  /* SMS offers "sent", never "reached"; the phone offers no "sent". */
  g_assert_false (kefu_callback_record_form_offers (form, KEFU_CALLBACK_OUTCOME_SENT));
  kefu_callback_record_form_set_method (form, KEFU_CALLBACK_METHOD_SMS);
  g_assert_true (kefu_callback_record_form_offers (form, KEFU_CALLBACK_OUTCOME_SENT));
  g_assert_false (kefu_callback_record_form_offers (form, KEFU_CALLBACK_OUTCOME_REACHED));
  kefu_callback_record_form_set_method (form, KEFU_CALLBACK_METHOD_PHONE);
  g_assert_true (kefu_callback_record_form_set_outcome (form, KEFU_CALLBACK_OUTCOME_REACHED));

  /* The branch of the answer: a satisfied customer is asked for suggestions only. */
  kefu_callback_record_form_set_satisfaction (form, KEFU_SATISFACTION_SATISFIED);
  branch = _kefu_callback_page_dup_script (fixture->page);
  g_assert_cmpuint (strlen (branch), <, strlen (script));
  g_assert_true (kefu_callback_record_form_get_valid (form));
  g_assert_true (gtk_widget_is_sensitive (save));
  kefu_callback_record_form_set_satisfaction (form, KEFU_SATISFACTION_UNSPECIFIED);

  /* The rest time: warned at 12:30 (the site's 12:00–14:00), not at 10:00. */
  _kefu_callback_page_set_clock (fixture->page, noon);
  g_assert_nonnull (_kefu_callback_page_get_quiet_warning (fixture->page));
  if (in_english ())
    g_assert_nonnull (strstr (_kefu_callback_page_get_quiet_warning (fixture->page),
                              "12:00–14:00"));
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "callback-page");
  _kefu_callback_page_set_clock (fixture->page, morning);
  g_assert_null (_kefu_callback_page_get_quiet_warning (fixture->page));
  _kefu_callback_page_set_clock (fixture->page, NULL);

  /* Left without a record: the claim goes at once, and the other workstation may take it. */
  pop_page (fixture);
  kefu_test_wait_until (({
    g_autoptr(KefuCallback) now = stored_callback (fixture, id);
    now->claimed_by == 0;
  }));
  g_assert_true (kefu_store_claim_callback (other, id, OTHER_WORKSTATION, NULL, &error));
  g_assert_no_error (error);

  /* Held by 王芳 elsewhere: the page says so and offers no form. */
  fixture->page = open_page (fixture, fixture->clerk, id);
  g_assert_false (_kefu_callback_page_holds_claim (fixture->page));
  g_assert_nonnull (_kefu_callback_page_get_read_only_reason (fixture->page));
  g_assert_nonnull (strstr (_kefu_callback_page_get_read_only_reason (fixture->page), "王芳"));
  if (in_english ())
    g_assert_cmpstr (_kefu_callback_page_get_read_only_reason (fixture->page), ==,
                     "王芳 is calling this customer now");
  g_assert_false (gtk_widget_get_mapped (_kefu_callback_page_get_form (fixture->page)));
  g_assert_null (find_action_button (GTK_WIDGET (fixture->page), "callback.save"));
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "callback-page-claimed");
  pop_page (fixture);
  /* Leaving a page that held nothing takes nothing from 王芳. */
  {
    g_autoptr(KefuCallback) now = stored_callback (fixture, id);

    g_assert_cmpint (now->claimed_by, ==, fixture->other);
  }
}

/* No answer: recorded, still due later, the claim released; then reached and not satisfied:
 * refused without the customer's words, saved with them. */
static void
test_attempts (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 id = add_callback (fixture, KEFU_CALLBACK_REASON_AFTER_SERVICE, NULL, 0, "上门维修");
  g_autoptr(KefuCallback) before = stored_callback (fixture, id);
  g_autoptr(KefuCallback) after = NULL;
  g_autoptr(KefuCallback) done = NULL;
  KefuCallbackRecordForm *form;
  GtkWidget *save;

  fixture->page = open_page (fixture, fixture->clerk, id);
  form = page_form (fixture->page);
  g_assert_true (kefu_callback_record_form_set_outcome (form, KEFU_CALLBACK_OUTCOME_NO_ANSWER));
  kefu_callback_record_form_set_note (form, "响铃一分钟无人接");
  g_assert_true (kefu_callback_record_form_get_valid (form));
  press_save (fixture, fixture->page);
  g_assert_null (_kefu_callback_page_get_save_error (fixture->page));
  g_assert_cmpuint (fixture->recorded->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->recorded, gint64, 0), ==, id);
  g_assert_false (_kefu_callback_page_holds_claim (fixture->page));

  after = stored_callback (fixture, id);
  g_assert_cmpint (after->state, ==, KEFU_CALLBACK_STATE_DUE);
  g_assert_cmpuint (after->n_attempts, ==, 1);
  g_assert_cmpint (after->claimed_by, ==, 0);
  g_assert_cmpuint (after->attempts->len, ==, 1);
  g_assert_cmpint (((KefuCallbackAttempt *) after->attempts->pdata[0])->outcome, ==,
                   KEFU_CALLBACK_OUTCOME_NO_ANSWER);
  g_assert_cmpstr (((KefuCallbackAttempt *) after->attempts->pdata[0])->note, ==,
                   "响铃一分钟无人接");
  /* The next attempt is later than the attempt just made. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    g_assert_cmpint (g_date_time_compare (after->due_at, now), >, 0);
  }
  pop_page (fixture);

  /* The next attempt: the earlier one is listed; reached, not satisfied, no words. */
  fixture->page = open_page (fixture, fixture->clerk, id);
  g_assert_true (_kefu_callback_page_holds_claim (fixture->page));
  g_assert_true (page_row_contains (fixture->page, "响铃一分钟无人接"));
  form = page_form (fixture->page);
  g_assert_true (kefu_callback_record_form_set_outcome (form, KEFU_CALLBACK_OUTCOME_REACHED));
  kefu_callback_record_form_set_satisfaction (form, KEFU_SATISFACTION_NOT_SATISFIED);
  g_assert_false (kefu_callback_record_form_get_valid (form));
  g_assert_nonnull (kefu_callback_record_form_get_reason (form));
  g_test_message ("Refused: %s", kefu_callback_record_form_get_reason (form));
  save = find_action_button (GTK_WIDGET (fixture->page), "callback.save");
  g_assert_false (gtk_widget_is_sensitive (save));
  /* Even when asked directly the page saves nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "callback.save", NULL);
  kefu_test_flush ();
  g_assert_cmpuint (fixture->recorded->len, ==, 1);
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "callback-page-refused");

  kefu_callback_record_form_set_words (form, "师傅迟到了两个小时，希望准时");
  g_assert_true (kefu_callback_record_form_get_valid (form));
  g_assert_null (kefu_callback_record_form_get_reason (form));
  press_save (fixture, fixture->page);
  g_assert_null (_kefu_callback_page_get_save_error (fixture->page));
  g_assert_cmpuint (fixture->recorded->len, ==, 2);

  done = stored_callback (fixture, id);
  g_assert_cmpint (done->state, ==, KEFU_CALLBACK_STATE_DONE);
  g_assert_cmpint (done->outcome, ==, KEFU_CALLBACK_OUTCOME_REACHED);
  g_assert_cmpint (done->satisfaction, ==, KEFU_SATISFACTION_NOT_SATISFIED);
  g_assert_cmpstr (done->customer_words, ==, "师傅迟到了两个小时，希望准时");
  g_assert_cmpint (done->done_by, ==, fixture->clerk);
  g_assert_cmpuint (done->attempts->len, ==, 2);
  (void) before;
}

/* A stale callback: the refusal is shown under the form with Reload, and the text typed stays
 * through the reload. */
static void
test_stale (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 id = add_callback (fixture, KEFU_CALLBACK_REASON_SURVEY, NULL, 0, NULL);
  g_autofree char *sql = NULL;
  g_autofree char *words = NULL;
  KefuCallbackRecordForm *form;

  fixture->page = open_page (fixture, fixture->clerk, id);
  form = page_form (fixture->page);
  g_assert_true (kefu_callback_record_form_set_outcome (form, KEFU_CALLBACK_OUTCOME_REACHED));
  kefu_callback_record_form_set_satisfaction (form, KEFU_SATISFACTION_SO_SO);
  kefu_callback_record_form_set_words (form, "送货太慢");

  /* The callback changes behind the page's back (another program writing the file). */
  sql = g_strdup_printf ("UPDATE callbacks SET version = version + 1 WHERE id = %" G_GINT64_FORMAT,
                         id);
  kefu_test_exec_sql (fixture->path, sql);

  /* The header's Reload only, until a refusal offers its own under the form. */
  g_assert_cmpuint (count_action_buttons (GTK_WIDGET (fixture->page), "callback.reload"), ==, 1);
  press_save (fixture, fixture->page);
  g_test_message ("Refused: %s", _kefu_callback_page_get_save_error (fixture->page));
  g_assert_nonnull (_kefu_callback_page_get_save_error (fixture->page));
  g_assert_cmpuint (fixture->recorded->len, ==, 0);
  g_assert_cmpuint (count_action_buttons (GTK_WIDGET (fixture->page), "callback.reload"), ==, 2);
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (fixture->page),
                                                               "callback.save")));
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "callback-page-stale");

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "callback.reload", NULL);
  kefu_test_wait_until (!page_busy (fixture->page));
  kefu_test_flush ();
  g_assert_null (_kefu_callback_page_get_save_error (fixture->page));
  words = kefu_callback_record_form_dup_words (form);
  g_assert_cmpstr (words, ==, "送货太慢");
  g_assert_cmpint (kefu_callback_record_form_get_satisfaction (form), ==, KEFU_SATISFACTION_SO_SO);
  press_save (fixture, fixture->page);
  g_assert_null (_kefu_callback_page_get_save_error (fixture->page));
  g_assert_cmpuint (fixture->recorded->len, ==, 1);
}

/* The customer's own rest time warns too. Call later: the agreed day and time are required and
 * checked; saved, the callback is due then. */
static void
test_call_later (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 id = add_callback (fixture, KEFU_CALLBACK_REASON_AFTER_SERVICE, NULL, 0, "上门维修");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, 2);
  g_autoptr(GDateTime) expected = g_date_time_new_local (g_date_time_get_year (then),
                                                         g_date_time_get_month (then),
                                                         g_date_time_get_day_of_month (then),
                                                         10, 30, 0);
  g_autofree char *day = g_date_time_format (then, "%Y-%m-%d");
  g_autoptr(GDateTime) nine_thirty = today_at (9, 30);
  g_autoptr(GDateTime) ten_thirty = today_at (10, 30);
  g_autoptr(KefuCallback) stored = NULL;
  g_autoptr(GError) error = NULL;
  KefuCallbackRecordForm *form;

  /* The customer asked never to be called before 10:00 (and prefers the evening): at 09:30,
   * outside the site's rest hours, the page still warns, with the customer's range. */
  g_assert_true (kefu_store_set_customer_callback_times (fixture->store, fixture->customer,
                                                         "00:00-10:00", "18:00-20:30", NULL,
                                                         &error));
  g_assert_no_error (error);
  fixture->page = open_page (fixture, fixture->clerk, id);
  _kefu_callback_page_set_clock (fixture->page, nine_thirty);

  g_assert_nonnull (_kefu_callback_page_get_quiet_warning (fixture->page));
  if (in_english ())
    g_assert_nonnull (strstr (_kefu_callback_page_get_quiet_warning (fixture->page),
                              "00:00–10:00"));
  g_assert_true (page_shows_row (fixture->page, "18:00-20:30"));
  _kefu_callback_page_set_clock (fixture->page, ten_thirty);
  g_assert_null (_kefu_callback_page_get_quiet_warning (fixture->page));
  _kefu_callback_page_set_clock (fixture->page, NULL);

  form = page_form (fixture->page);
  g_assert_true (kefu_callback_record_form_set_outcome (form, KEFU_CALLBACK_OUTCOME_CALL_LATER));
  g_assert_false (kefu_callback_record_form_get_valid (form));
  kefu_callback_record_form_set_agreed (form, day, "25:00");
  g_assert_false (kefu_callback_record_form_get_valid (form));
  g_assert_nonnull (kefu_callback_record_form_get_reason (form));
  g_test_message ("Refused: %s", kefu_callback_record_form_get_reason (form));
  kefu_callback_record_form_set_agreed (form, day, "10:30");
  g_assert_true (kefu_callback_record_form_get_valid (form));
  press_save (fixture, fixture->page);
  g_assert_null (_kefu_callback_page_get_save_error (fixture->page));
  g_assert_cmpuint (fixture->recorded->len, ==, 1);

  stored = stored_callback (fixture, id);
  g_assert_cmpint (stored->state, ==, KEFU_CALLBACK_STATE_DUE);
  g_assert_nonnull (stored->agreed_at);
  g_assert_true (g_date_time_equal (stored->agreed_at, expected));
  g_assert_true (g_date_time_equal (stored->due_at, expected));
}

/* The attempts ran out: the clerk's page offers no "Close as Unreachable", the lead's does, and
 * it closes the callback. */
static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 id = add_callback (fixture, KEFU_CALLBACK_REASON_SURVEY, NULL, 0, NULL);
  g_autoptr(KefuCallback) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *button;

  /* No answer until the callback goes to the lead. */
  kefu_store_set_actor (fixture->store, fixture->clerk);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(KefuCallback) callback = stored_callback (fixture, id);
      KefuCallbackRecordInput input = { 0 };

      if (callback->escalated_at != NULL)
        break;
      input.method = KEFU_CALLBACK_METHOD_PHONE;
      input.outcome = KEFU_CALLBACK_OUTCOME_NO_ANSWER;
      g_assert_true (kefu_store_claim_callback (fixture->store, id,
                                                kefu_store_get_workstation_id (), NULL, &error));
      g_assert_no_error (error);
      g_assert_true (kefu_store_record_callback (fixture->store, id, callback->version, &input,
                                                 NULL, &error));
      g_assert_no_error (error);
    }
  stored = stored_callback (fixture, id);
  g_assert_nonnull (stored->escalated_at);

  fixture->page = open_page (fixture, fixture->clerk, id);
  g_assert_null (find_action_button (GTK_WIDGET (fixture->page), "callback.close-unreachable"));
  g_assert_false (kefu_callback_record_form_offers (page_form (fixture->page),
                                                    KEFU_CALLBACK_OUTCOME_UNREACHABLE));
  pop_page (fixture);
  /* The clerk's page gives its claim up on the store's worker: the lead's page comes after. */
  kefu_test_wait_until (!claimed (fixture, id));

  fixture->page = open_page (fixture, fixture->lead, id);
  button = find_action_button (GTK_WIDGET (fixture->page), "callback.close-unreachable");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "callback-page-escalated");
  g_signal_emit_by_name (button, "clicked");
  kefu_test_wait_until (!page_busy (fixture->page));
  kefu_test_flush ();
  g_assert_null (_kefu_callback_page_get_save_error (fixture->page));
  g_assert_cmpuint (fixture->recorded->len, ==, 1);
  g_clear_object (&stored);
  stored = stored_callback (fixture, id);
  g_assert_cmpint (stored->state, ==, KEFU_CALLBACK_STATE_DONE);
  g_assert_cmpint (stored->outcome, ==, KEFU_CALLBACK_OUTCOME_UNREACHABLE);
}

/* A product-quality complaint saved by the clerk, routed to the QC department by the rule,
 * acknowledged and resolved by the QC manager. */
static gint64
resolved_complaint (Fixture *fixture)
{
  g_autoptr(KefuCall) call = kefu_call_new ();
  g_autoptr(KefuComplaint) complaint = kefu_complaint_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  const KefuComplaintAction steps[] = { KEFU_COMPLAINT_ACTION_ACKNOWLEDGE,
                                        KEFU_COMPLAINT_ACTION_RESOLVE };
  gint64 id;

  kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
  kefu_call_set_caller_name (call, "张三");
  kefu_call_set_customer_id (call, fixture->customer);
  kefu_call_set_address (call, "北京市朝阳区建国路88号");
  kefu_call_set_phone (call, "13912345678");
  kefu_call_set_clerk_id (call, fixture->clerk);
  kefu_call_set_received_at (call, now);
  kefu_complaint_set_subject (complaint, "鲜牛奶");
  kefu_complaint_set_reason (complaint, "有异味");
  kefu_complaint_set_well_founded (complaint, TRUE);
  kefu_complaint_set_category (complaint, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY);
  kefu_complaint_set_symptom (complaint, KEFU_PRODUCT_SYMPTOM_ODD_SMELL);
  kefu_complaint_set_purchase_method (complaint, "超市购买");
  kefu_complaint_set_purchase_place (complaint, "华联超市");
  kefu_complaint_set_batch_number (complaint, "B20261120");
  kefu_call_set_complaint (call, complaint);
  kefu_store_set_actor (fixture->store, fixture->clerk);
  g_assert_true (kefu_store_save_call (fixture->store, call, NULL, &error));
  g_assert_no_error (error);
  id = kefu_store_find_complaint_by_call (fixture->store, kefu_record_get_id (KEFU_RECORD (call)),
                                          NULL, &error);
  g_assert_no_error (error);

  kefu_store_set_actor (fixture->store, fixture->qc_manager);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(KefuComplaintCard) card = kefu_store_get_complaint_card (fixture->store, id, NULL,
                                                                         &error);
      g_autoptr(KefuComplaintChange) change = NULL;
      g_autoptr(KefuComplaintCard) changed = NULL;

      g_assert_no_error (error);
      change = kefu_complaint_change_new (steps[i], id, kefu_complaint_card_get_version (card));
      if (steps[i] == KEFU_COMPLAINT_ACTION_RESOLVE)
        change->text = g_strdup ("已为客户更换产品并致歉");
      changed = kefu_store_change_complaint (fixture->store, change, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (changed);
    }
  kefu_store_set_actor (fixture->store, fixture->clerk);
  return id;
}

/* The complaint's callback: the page shows its resolution; "not satisfied" reopens it. */
static void
test_complaint (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 complaint = resolved_complaint (fixture);
  g_autoptr(GPtrArray) callbacks = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GError) error = NULL;
  KefuCallbackRecordForm *form;
  gint64 id;

  /* Resolving it scheduled its callback, due within its "within three days" deadline. */
  callbacks = kefu_store_list_callbacks_for (fixture->store, "complaint", complaint, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (callbacks->len, ==, 1);
  id = ((KefuCallbackInfo *) callbacks->pdata[0])->id;
  {
    g_autoptr(KefuCallback) scheduled = stored_callback (fixture, id);

    g_assert_cmpint (scheduled->reason, ==, KEFU_CALLBACK_REASON_AFTER_COMPLAINT);
    g_assert_cmpint (scheduled->state, ==, KEFU_CALLBACK_STATE_DUE);
    g_assert_nonnull (scheduled->deadline_at);
    g_assert_cmpint (g_date_time_compare (scheduled->due_at, scheduled->deadline_at), <=, 0);
  }

  fixture->page = open_page (fixture, fixture->clerk, id);
  g_assert_true (_kefu_callback_page_holds_claim (fixture->page));
  g_assert_true (page_shows_row (fixture->page, "已为客户更换产品并致歉"));
  g_assert_nonnull (find_action_button (GTK_WIDGET (fixture->page), "app.open-complaint"));
  form = page_form (fixture->page);
  g_assert_true (kefu_callback_record_form_set_outcome (form, KEFU_CALLBACK_OUTCOME_REACHED));
  kefu_callback_record_form_set_satisfaction (form, KEFU_SATISFACTION_NOT_SATISFIED);
  kefu_callback_record_form_set_words (form, "换的那箱也有异味");
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "callback-page-complaint");
  press_save (fixture, fixture->page);
  g_assert_null (_kefu_callback_page_get_save_error (fixture->page));
  g_assert_cmpuint (fixture->recorded->len, ==, 1);

  card = kefu_store_get_complaint_card (fixture->store, complaint, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_complaint_card_get_stage (card), ==, KEFU_COMPLAINT_STAGE_REOPENED);
  g_assert_cmpint (kefu_complaint_card_get_satisfaction (card), ==,
                   KEFU_SATISFACTION_NOT_SATISFIED);
  g_assert_cmpstr (kefu_complaint_card_get_customer_words (card), ==, "换的那箱也有异味");
}

/* A callback that is not there: the page says it could not open it, and claims nothing. */
static void
test_gone (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(KefuStaff) staff = get_staff (fixture, fixture->clerk);
  KefuCallbackPage *page;
  GtkWidget *status;

  page = KEFU_CALLBACK_PAGE (kefu_callback_page_new (fixture->store, staff, 4242));
  adw_navigation_view_push (fixture->navigation, ADW_NAVIGATION_PAGE (page));
  kefu_test_wait_until (!page_busy (page));
  kefu_test_flush ();
  g_assert_null (_kefu_callback_page_get_callback (page));
  g_assert_false (_kefu_callback_page_holds_claim (page));
  status = kefu_test_find_mapped (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE);
  g_test_message ("%s: %s", adw_status_page_get_title (ADW_STATUS_PAGE (status)),
                  adw_status_page_get_description (ADW_STATUS_PAGE (status)));
  g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (status)));
  g_assert_false (gtk_widget_get_mapped (_kefu_callback_page_get_form (page)));
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;

  kefu_test_choose_language (FALSE);
  data_home = kefu_test_init (&argc, &argv);
  kefu_test_choose_language (TRUE);

  g_test_add ("/kefu/callback-page/claim-and-script", Fixture, NULL, fixture_set_up,
              test_claim_and_script, fixture_tear_down);
  g_test_add ("/kefu/callback-page/attempts", Fixture, NULL, fixture_set_up, test_attempts,
              fixture_tear_down);
  g_test_add ("/kefu/callback-page/stale", Fixture, NULL, fixture_set_up, test_stale,
              fixture_tear_down);
  g_test_add ("/kefu/callback-page/call-later", Fixture, NULL, fixture_set_up, test_call_later,
              fixture_tear_down);
  g_test_add ("/kefu/callback-page/unreachable", Fixture, NULL, fixture_set_up,
              test_unreachable, fixture_tear_down);
  g_test_add ("/kefu/callback-page/gone", Fixture, NULL, fixture_set_up, test_gone,
              fixture_tear_down);
  g_test_add ("/kefu/callback-page/complaint", Fixture, NULL, fixture_set_up, test_complaint,
              fixture_tear_down);

  return kefu_test_run (data_home);
}
