/* test-intake.c: the Hotline Intake pane over a real store, driven as a clerk drives it: the
 * lookup typed into and picked from, the form's fields typed and toggled, the save shortcut's
 * action, and saves the form or the store refuses. The hand-over and the team lead's dialogs are
 * in test-intake-handover.c; drafts and the telephony hand-off in test-intake-drafts.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kefu-test-intake"

#include "config.h"

#include "test-intake.h"

/* A new customer's complaint, typed field by field and saved with Ctrl+S: the store holds the
 * complaint, routed by the rules, and the customer made in the same save. */
static void
test_intake_complaint_new_customer (void)
{
  Fixture f = { 0 };
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(GListModel) customers = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *results;
  GListModel *recent;
  KefuComplaint *complaint;
  Host host;

  fixture_init (&f);
  host = host_pane (&f, f.clerk);

  /* The save shortcuts lead to the save action, before any field can take them. */
  g_assert_true (has_shortcut (GTK_WIDGET (host.pane), "<Control>s", "intake.save"));
  g_assert_true (has_shortcut (GTK_WIDGET (host.pane), "<Control>Return", "intake.save"));

  /* An unknown number: the lookup offers it as a new caller, and Enter takes it. */
  results = look_up (host.pane, "139 1234 5678");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  {
    g_autoptr(KefuCustomer) item = g_list_model_get_item (results, 0);

    g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (item)), ==, 0);
    g_assert_cmpstr (kefu_customer_get_primary_phone (item), ==, "13912345678");
  }
  g_signal_emit_by_name (lookup_entry (host.pane), "activate");
  kefu_test_flush ();
  g_assert_cmpstr (kefu_call_get_phone (kefu_call_form_get_call (form_of (host.pane))), ==,
                   "13912345678");
  g_assert_cmpstr (kefu_caller_lookup_get_text (lookup_of (host.pane)), ==, "");

  /* The complaint, field by field. */
  choose_kind (host.pane, "complaint");
  type_into (field (host.pane, "caller-name"), "陈静");
  type_into (field (host.pane, "address"), "北京市朝阳区建国路88号");
  type_into (field (host.pane, "subject"), "鲜牛奶 950ml");
  type_into (field (host.pane, "reason"), "打开后有异味，孩子喝了以后呕吐，去了医院");
  choose_toggle (field (host.pane, "category"), "product-quality");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (host.pane, "symptom")),
                              KEFU_PRODUCT_SYMPTOM_ODD_SMELL);
  type_into (field (host.pane, "purchase-method"), "送奶到户");
  type_into (field (host.pane, "batch-number"), "b20261120-3");
  adw_switch_row_set_active (ADW_SWITCH_ROW (find_titled (GTK_WIDGET (host.pane), ADW_TYPE_SWITCH_ROW,
                                                          T ("Customer Harmed or Hospitalised"))),
                             TRUE);
  kefu_test_flush ();
  g_assert_false (kefu_call_form_get_blank (form_of (host.pane)));

  g_test_message ("saving the complaint");
  call = save (host.pane);
  g_test_message ("saved");

  /* The store holds the complaint with the routing of a product-quality complaint whose
   * customer was harmed: QC, the CS centre and the GM office, urgent. */
  stored = stored_call (&f, call);
  g_assert_cmpint (kefu_call_get_kind (stored), ==, KEFU_CALL_KIND_COMPLAINT);
  g_assert_true (g_str_has_prefix (kefu_call_get_reference (stored), "TS-"));
  g_assert_cmpstr (kefu_call_get_caller_name (stored), ==, "陈静");
  g_assert_cmpint (kefu_call_get_clerk_id (stored), ==, kefu_record_get_id (KEFU_RECORD (f.clerk)));
  complaint = kefu_call_get_complaint (stored);
  g_assert_nonnull (complaint);
  g_assert_cmpint (kefu_complaint_get_category (complaint), ==, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY);
  g_assert_cmpint (kefu_complaint_get_symptom (complaint), ==, KEFU_PRODUCT_SYMPTOM_ODD_SMELL);
  g_assert_cmpstr (kefu_complaint_get_batch_number (complaint), ==, "B20261120-3");
  g_assert_true (kefu_complaint_get_harmed (complaint));
  g_assert_true (kefu_complaint_get_urgent (complaint));
  g_assert_cmpint (kefu_complaint_get_stage (complaint), ==, KEFU_COMPLAINT_STAGE_ROUTED);
  g_assert_cmpuint (kefu_complaint_get_routes (complaint)->len, ==, 3);
  g_assert_true (route_to (complaint, f.qc_department));
  g_assert_true (route_to (complaint, f.cs_department));
  g_assert_true (route_to (complaint, f.gm_department));
  g_assert_false (route_to (complaint, f.sales_department));

  /* The customer was made by the save, once. */
  g_assert_cmpint (kefu_call_get_customer_id (stored), >, 0);
  customers = kefu_store_find_customers_by_phone (f.store, "13912345678", 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (customers), ==, 1);

  /* The reference is shown large to be read out, saying who was told; the form is ready for
   * the next call, and today's calls start with this one. */
  g_assert_cmpstr (kefu_intake_pane_get_shown_reference (host.pane), ==, kefu_call_get_reference (stored));
  {
    g_autoptr(GPtrArray) labels = kefu_test_find_all (GTK_WIDGET (host.pane), GTK_TYPE_LABEL);
    gboolean reference_shown = FALSE;
    gboolean urgency_shown = FALSE;

    for (guint i = 0; i < labels->len; i++)
      {
        const char *text = gtk_label_get_label (labels->pdata[i]);

        if (!gtk_widget_get_mapped (labels->pdata[i]))
          continue;
        if (g_strcmp0 (text, kefu_call_get_reference (stored)) == 0 &&
            gtk_widget_has_css_class (labels->pdata[i], "title-1"))
          reference_shown = TRUE;
        /* Urgent: in the error colour, naming who was told. */
        if (gtk_widget_has_css_class (labels->pdata[i], "error") && strstr (text, "品控部") != NULL &&
            strstr (text, "客服中心") != NULL && strstr (text, "总经办") != NULL)
          urgency_shown = TRUE;
      }
    g_assert_true (reference_shown);
    g_assert_true (urgency_shown);
  }
  shoot (GTK_WIDGET (host.pane), "complaint-saved");
  g_assert_true (kefu_call_form_get_blank (form_of (host.pane)));
  g_assert_true (kefu_call_form_get_call (form_of (host.pane)) != call);
  recent = kefu_recent_calls_get_calls (KEFU_RECENT_CALLS (kefu_intake_pane_get_recent_calls (host.pane)));
  kefu_test_wait_until (!kefu_intake_pane_get_busy (host.pane));
  g_assert_cmpuint (g_list_model_get_n_items (recent), >=, 1);
  {
    g_autoptr(KefuCall) first = g_list_model_get_item (recent, 0);

    g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (first)), ==, kefu_record_get_id (KEFU_RECORD (call)));
  }

  g_test_message ("checking the next call");
  /* Copy puts the reference on the clipboard; typing the next call hides it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.copy-reference", NULL));
  type_into (field (host.pane, "caller-name"), "下一位");
  g_assert_null (kefu_intake_pane_get_shown_reference (host.pane));

  g_test_message ("closing");
  host_close (&host);
  fixture_clear (&f);
}

/* A known caller is found by the last 4 digits of their number and by a 2-character name, with
 * the member flag and their last contact; the arrow keys and Enter pick one, which fills the
 * form and shows their history beside it. */
static void
test_intake_lookup_known_caller (void)
{
  Fixture f = { 0 };
  gint64 zhang_wei, wang_wei;
  GListModel *results;
  KefuCall *call;
  Host host;

  fixture_init (&f);
  kefu_store_set_system_actor (f.store);
  zhang_wei = add_customer (f.store, "张伟", "13911115678", "北京市海淀区中关村大街1号", TRUE);
  wang_wei = add_customer (f.store, "王伟", "13822223333", "北京市朝阳区望京西路2号", FALSE);
  add_customer (f.store, "李娜", "13800001234", "北京市东城区王府井大街3号", FALSE);
  add_customer (f.store, "王伟强", "13700004444", "北京市西城区金融街4号", FALSE);

  /* 王伟 called before: an inquiry, which the lookup sums up. */
  {
    g_autoptr(KefuCall) earlier = kefu_call_new_for_form ();
    g_autoptr(GDateTime) when = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) before = g_date_time_add_days (when, -2);
    g_autoptr(GError) error = NULL;

    kefu_store_set_actor (f.store, kefu_record_get_id (KEFU_RECORD (f.clerk)));
    kefu_call_set_kind (earlier, KEFU_CALL_KIND_INQUIRY);
    kefu_call_set_customer_id (earlier, wang_wei);
    kefu_call_set_caller_name (earlier, "王伟");
    kefu_call_set_phone (earlier, "13822223333");
    kefu_call_set_clerk_id (earlier, kefu_record_get_id (KEFU_RECORD (f.clerk)));
    kefu_call_set_received_at (earlier, before);
    kefu_inquiry_set_topics (kefu_call_get_inquiry (earlier), KEFU_INQUIRY_TOPIC_PRICES);
    kefu_inquiry_set_answer (kefu_call_get_inquiry (earlier), "酸奶每箱48元");
    g_assert_true (kefu_store_save_call (f.store, earlier, NULL, &error));
    g_assert_no_error (error);
  }
  kefu_store_set_actor (f.store, 0);

  host = host_pane (&f, f.clerk);

  /* The last 4 digits. */
  results = look_up (host.pane, "5678");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  {
    g_autoptr(KefuCustomer) found = g_list_model_get_item (results, 0);

    g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (found)), ==, zhang_wei);
    g_assert_true (kefu_customer_get_is_member (found));
  }

  /* A 2-character name: the exact match first, then the longer name that contains it; no
   * "New caller" row for a name. */
  results = look_up (host.pane, "王伟");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  {
    g_autoptr(KefuCustomer) first = g_list_model_get_item (results, 0);
    g_autoptr(KefuCustomer) second = g_list_model_get_item (results, 1);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *last = kefu_caller_lookup_format_last_contact (first, now);

    g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (first)), ==, wang_wei);
    g_assert_cmpstr (kefu_customer_get_name (second), ==, "王伟强");
    if (!translated)
      g_assert_cmpstr (last, ==, "Inquiry · 2 days ago · 酸奶每箱48元");
  }
  shoot (GTK_WIDGET (host.pane), "lookup-results");

  /* Down, Up, Down: the second row; Enter picks it. */
  press_key_in_lookup (host.pane, GDK_KEY_Down);
  press_key_in_lookup (host.pane, GDK_KEY_Up);
  press_key_in_lookup (host.pane, GDK_KEY_Down);
  g_assert_true (gtk_widget_has_focus (lookup_entry (host.pane)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (host.window)), lookup_entry (host.pane)));
  g_signal_emit_by_name (lookup_entry (host.pane), "activate");
  kefu_test_flush ();

  call = kefu_call_form_get_call (form_of (host.pane));
  g_assert_cmpstr (kefu_call_get_caller_name (call), ==, "王伟强");
  g_assert_cmpstr (kefu_call_get_phone (call), ==, "13700004444");
  g_assert_cmpstr (kefu_call_get_address (call), ==, "北京市西城区金融街4号");

  /* Picking 王伟 instead shows his card and his history beside the form. */
  results = look_up (host.pane, "王伟");
  kefu_caller_lookup_pick (lookup_of (host.pane), 0);
  kefu_test_wait_until (!kefu_intake_pane_get_busy (host.pane));
  call = kefu_call_form_get_call (form_of (host.pane));
  g_assert_cmpint (kefu_call_get_customer_id (call), ==, wang_wei);
  {
    KefuCustomerHistoryView *history = KEFU_CUSTOMER_HISTORY_VIEW (
      kefu_test_find_mapped (GTK_WIDGET (host.pane), KEFU_TYPE_CUSTOMER_HISTORY_VIEW));

    g_assert_cmpint (kefu_customer_history_view_get_customer_id (history), ==, wang_wei);
    g_assert_cmpuint (g_list_model_get_n_items (kefu_customer_history_view_get_entries (history)), ==, 1);
  }
  shoot (GTK_WIDGET (host.pane), "caller-picked");

  host_close (&host);
  fixture_clear (&f);
}

/* A save the form refuses shows every problem and keeps everything typed. */
static void
test_intake_invalid_save_keeps_form (void)
{
  Fixture f = { 0 };
  Host host;

  fixture_init (&f);
  host = host_pane (&f, f.clerk);

  choose_kind (host.pane, "complaint");
  type_into (field (host.pane, "caller-name"), "孔明");
  type_into (field (host.pane, "phone"), "1391234");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.save", NULL));
  kefu_test_flush ();

  g_assert_nonnull (kefu_call_form_get_field_message (form_of (host.pane), "phone"));
  g_assert_nonnull (kefu_call_form_get_field_message (form_of (host.pane), "subject"));
  g_assert_cmpstr (kefu_call_get_caller_name (kefu_call_form_get_call (form_of (host.pane))), ==, "孔明");
  shoot (GTK_WIDGET (host.pane), "invalid");
  g_assert_null (kefu_intake_pane_get_shown_reference (host.pane));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_recent_calls_get_calls (KEFU_RECENT_CALLS (kefu_intake_pane_get_recent_calls (host.pane)))), ==, 0);

  host_close (&host);
  fixture_clear (&f);
}

/* A save the store refuses (here: no actor, as after a lost connection the write has no one to
 * record it against) keeps everything typed, says what happened with Try Again, and keeps the
 * draft; Try Again saves once the cause is gone. */
static void
test_intake_save_error_keeps_call (void)
{
  Fixture f = { 0 };
  g_autoptr(KefuCall) call = NULL;
  gulong handler;
  AdwBanner *error_banner = NULL;
  Host host;

  fixture_init (&f);
  host = host_pane (&f, f.clerk);

  look_up (host.pane, "13722226666");
  g_signal_emit_by_name (lookup_entry (host.pane), "activate");
  kefu_test_flush ();
  choose_kind (host.pane, "complaint");
  type_into (field (host.pane, "caller-name"), "贺军");
  type_into (field (host.pane, "subject"), "送奶员");
  type_into (field (host.pane, "reason"), "连续三天送晚了");
  choose_toggle (field (host.pane, "category"), "service-quality");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (host.pane, "service-issue")),
                              KEFU_SERVICE_ISSUE_LATE_DELIVERY);
  kefu_test_flush ();

  kefu_store_set_actor (f.store, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.save", NULL));
  {
    g_autoptr(GPtrArray) banners = kefu_test_find_all (GTK_WIDGET (host.pane), ADW_TYPE_BANNER);

    kefu_test_wait_until (({
      for (guint i = 0; i < banners->len; i++)
        if (adw_banner_get_revealed (banners->pdata[i]) &&
            adw_banner_get_button_label (banners->pdata[i]) != NULL &&
            g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (banners->pdata[i])), "intake.save") == 0)
          error_banner = banners->pdata[i];
      error_banner != NULL; }));
  }
  shoot (GTK_WIDGET (host.pane), "save-failed");

  /* Nothing was lost: the form has the call, and so has the draft. */
  g_assert_cmpstr (kefu_call_get_caller_name (kefu_call_form_get_call (form_of (host.pane))), ==, "贺军");
  g_assert_false (kefu_call_form_get_blank (form_of (host.pane)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (form_of (host.pane))));
  {
    g_autoptr(KefuDraftFile) draft = kefu_draft_file_new (kefu_store_get_description (f.store));
    g_autoptr(KefuCall) kept = kefu_draft_file_load (draft, NULL);

    g_assert_nonnull (kept);
    g_assert_cmpstr (kefu_call_get_caller_name (kept), ==, "贺军");
  }

  /* Try Again, once the clerk is known again. */
  kefu_store_set_actor (f.store, kefu_record_get_id (KEFU_RECORD (f.clerk)));
  handler = g_signal_connect (host.pane, "call-saved", G_CALLBACK (call_saved_cb), NULL);
  g_clear_object (&saved_call);
  {
    g_autoptr(GPtrArray) buttons = kefu_test_find_all (GTK_WIDGET (error_banner), GTK_TYPE_BUTTON);

    g_assert_cmpuint (buttons->len, ==, 1);
    kefu_test_wait_until (gtk_widget_get_mapped (buttons->pdata[0]));
    gtk_widget_activate (buttons->pdata[0]);
  }
  kefu_test_wait_until (saved_call != NULL);
  g_signal_handler_disconnect (host.pane, handler);
  call = g_steal_pointer (&saved_call);
  kefu_test_flush ();

  g_assert_false (adw_banner_get_revealed (error_banner));
  g_assert_cmpint (kefu_complaint_get_category (kefu_call_get_complaint (call)), ==,
                   KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY);
  g_assert_true (kefu_call_form_get_blank (form_of (host.pane)));
  {
    g_autoptr(KefuDraftFile) draft = kefu_draft_file_new (kefu_store_get_description (f.store));

    g_assert_false (kefu_draft_file_exists (draft));
  }

  host_close (&host);
  fixture_clear (&f);
}

static void
test_intake_relative_time (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 27, 9, 30, 0);
  g_autoptr(GDateTime) seconds = g_date_time_add_seconds (now, -20);
  g_autoptr(GDateTime) minutes = g_date_time_add_minutes (now, -5);
  g_autoptr(GDateTime) hours = g_date_time_add_hours (now, -3);
  g_autoptr(GDateTime) last_night = g_date_time_new_local (2026, 11, 26, 23, 0, 0);
  g_autoptr(GDateTime) days = g_date_time_add_days (now, -2);
  g_autoptr(GDateTime) long_ago = g_date_time_new_local (2025, 3, 1, 10, 0, 0);
  struct {
    GDateTime  *time;
    const char *text;
  } cases[] = {
    { seconds, "just now" },
    { minutes, "5 minutes ago" },
    { hours, "3 hours ago" },
    { last_night, "yesterday" },
    { days, "2 days ago" },
    { long_ago, "2025-03-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kefu_format_relative_time (cases[i].time, now);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_intake_cutoff_message (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_local (2026, 11, 27, 9, 12, 0);
  g_autoptr(GDateTime) after = g_date_time_new_local (2026, 11, 27, 10, 0, 0);
  g_autofree char *before_text = kefu_handover_describe_cutoff (before, 600);
  g_autofree char *after_text = kefu_handover_describe_cutoff (after, 600);

  g_assert_cmpstr (before_text, ==, "It is 09:12, before the 10:00 cut-off. Orders taken after 10:00 go to tomorrow’s hand-over.");
  g_assert_cmpstr (after_text, ==, "It is 10:00, past the 10:00 cut-off: orders taken now go to tomorrow’s hand-over.");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *state_home = NULL;

  intake_test_init (&argc, &argv, &data_home, &state_home);

  g_test_add_func ("/kefu/ui/intake/complaint-new-customer", test_intake_complaint_new_customer);
  g_test_add_func ("/kefu/ui/intake/lookup-known-caller", test_intake_lookup_known_caller);
  g_test_add_func ("/kefu/ui/intake/invalid-save-keeps-form", test_intake_invalid_save_keeps_form);
  g_test_add_func ("/kefu/ui/intake/save-error-keeps-call", test_intake_save_error_keeps_call);
  g_test_add_func ("/kefu/ui/intake/relative-time", test_intake_relative_time);
  g_test_add_func ("/kefu/ui/intake/cutoff-message", test_intake_cutoff_message);

  return intake_test_run (data_home, state_home);
}
