/* test-intake-handover.c: the Hotline Intake pane and the team lead's work over a real store:
 * orders after the cut-off in the next day's hand-over, leads turned into orders, and orders
 * outside the service area, through the dialogs' actions.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kefu-test-intake"

#include "config.h"

#include "test-intake.h"

/* An order taken after the cut-off (10:00) waits for the next day's hand-over: it is not in its
 * own day's batch, it is in the next day's, and the team lead hands that batch over. */
static void
test_intake_order_after_cutoff (void)
{
  Fixture f = { 0 };
  g_autoptr(KefuCall) late = NULL;
  g_autoptr(KefuCall) early = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autofree char *late_time = local_time_text (-1, 10, 30);
  g_autofree char *early_time = local_time_text (-1, 9, 30);
  KefuHandoverDialog *dialog;
  GDate yesterday, today;
  Host host;

  fixture_init (&f);
  local_date (-1, &yesterday);
  local_date (0, &today);
  kefu_store_set_system_actor (f.store);
  g_assert_true (kefu_store_set_setting (f.store, KEFU_SETTING_HANDOVER_CUTOFF, "10:00", NULL, NULL));
  add_customer (f.store, "刘洋", "13600006666", "北京市朝阳区建国路10号", FALSE);

  host = host_pane (&f, f.clerk);

  /* Yesterday 10:30, after the cut-off. */
  look_up (host.pane, "6666");
  g_signal_emit_by_name (lookup_entry (host.pane), "activate");
  kefu_test_flush ();
  choose_kind (host.pane, "order");
  type_into (field (host.pane, "received-at"), late_time);
  fill_order (host.pane, &f, "2", "home-delivery");
  late = save (host.pane);
  stored = stored_call (&f, late);
  g_assert_cmpint (g_date_compare (kefu_order_get_handover_date (kefu_call_get_order (stored)), &today), ==, 0);
  g_clear_object (&stored);

  /* Yesterday 9:30, before it. */
  look_up (host.pane, "6666");
  g_signal_emit_by_name (lookup_entry (host.pane), "activate");
  kefu_test_flush ();
  choose_kind (host.pane, "order");
  type_into (field (host.pane, "received-at"), early_time);
  fill_order (host.pane, &f, "1", "home-delivery");
  early = save (host.pane);
  stored = stored_call (&f, early);
  g_assert_cmpint (g_date_compare (kefu_order_get_handover_date (kefu_call_get_order (stored)), &yesterday), ==, 0);
  g_clear_object (&stored);

  /* A clerk does not hand over: the menu entry is off. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.hand-over", NULL) &&
                  visible_dialog (GTK_WIDGET (host.pane)) != NULL);
  host_close (&host);

  /* The team lead's hand-over of yesterday holds the early order only. */
  host = host_pane (&f, f.team_lead);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.hand-over", NULL));
  kefu_test_flush ();
  dialog = KEFU_HANDOVER_DIALOG (visible_dialog (GTK_WIDGET (host.pane)));
  g_assert_true (KEFU_IS_HANDOVER_DIALOG (dialog));
  kefu_handover_dialog_set_day (dialog, &yesterday);
  kefu_test_wait_until (!kefu_handover_dialog_get_busy (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_handover_dialog_get_orders (dialog)), ==, 1);
  {
    g_autoptr(KefuCall) listed = g_list_model_get_item (kefu_handover_dialog_get_orders (dialog), 0);

    g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (listed)), ==, kefu_record_get_id (KEFU_RECORD (early)));
  }

  /* Today's batch has the late order (and the missed early one); home delivery goes to the
   * depot admin, and one action hands both over. */
  kefu_handover_dialog_set_day (dialog, &today);
  kefu_test_wait_until (!kefu_handover_dialog_get_busy (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_handover_dialog_get_orders (dialog)), ==, 2);
  g_assert_cmpint (kefu_handover_dialog_get_recipient (dialog, KEFU_CHANNEL_HOME_DELIVERY), ==, f.depot_admin);
  shoot (GTK_WIDGET (host.pane), "handover");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handover.hand-over", NULL));
  kefu_test_wait_until (!kefu_handover_dialog_get_busy (dialog) &&
                        g_list_model_get_n_items (kefu_handover_dialog_get_orders (dialog)) == 0);

  stored = stored_call (&f, late);
  g_assert_cmpint (kefu_order_get_handover_state (kefu_call_get_order (stored)), ==, KEFU_HANDOVER_STATE_HANDED_OVER);
  g_assert_cmpint (kefu_order_get_handed_to_id (kefu_call_get_order (stored)), ==, f.depot_admin);

  adw_dialog_force_close (ADW_DIALOG (dialog));
  host_close (&host);
  fixture_clear (&f);
}

/* An inquiry with a potential order becomes a lead; the team lead turns it into an order call
 * through the leads dialog, and saving the order converts the lead. */
static void
test_intake_lead_to_order (void)
{
  Fixture f = { 0 };
  g_autoptr(KefuCall) inquiry = NULL;
  g_autoptr(KefuCall) order = NULL;
  g_autoptr(GListModel) open_leads = NULL;
  g_autoptr(GListModel) converted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuLead) lead = NULL;
  KefuLeadsDialog *dialog;
  KefuCall *call;
  Host host;

  fixture_init (&f);
  host = host_pane (&f, f.clerk);

  /* The inquiry: a new caller asks about prices and delivery and wants to order. */
  look_up (host.pane, "13533337777");
  g_signal_emit_by_name (lookup_entry (host.pane), "activate");
  kefu_test_flush ();
  choose_kind (host.pane, "inquiry");
  type_into (field (host.pane, "caller-name"), "何敏");
  type_into (field (host.pane, "address"), "北京市朝阳区光华路5号");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_titled (field (host.pane, "topics"), GTK_TYPE_TOGGLE_BUTTON,
                                                                kefu_inquiry_topic_get_display_name (KEFU_INQUIRY_TOPIC_PRICES))),
                                TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_titled (field (host.pane, "topics"), GTK_TYPE_TOGGLE_BUTTON,
                                                                kefu_inquiry_topic_get_display_name (KEFU_INQUIRY_TOPIC_DELIVERY))),
                                TRUE);
  type_into (field (host.pane, "answer"), "鲜牛奶950ml每瓶12.5元，每天早上7点前送到");
  adw_switch_row_set_active (ADW_SWITCH_ROW (find_titled (GTK_WIDGET (host.pane), ADW_TYPE_SWITCH_ROW,
                                                          T ("Potential Order"))),
                             TRUE);
  kefu_test_flush ();
  inquiry = save (host.pane);
  g_assert_cmpint (kefu_inquiry_get_lead_id (kefu_call_get_inquiry (inquiry)), >, 0);

  open_leads = kefu_store_list_leads (f.store, KEFU_LEAD_STATE_OPEN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (open_leads), ==, 1);

  /* A clerk has no leads list. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.leads", NULL) &&
                  visible_dialog (GTK_WIDGET (host.pane)) != NULL);
  host_close (&host);

  /* The team lead opens the leads and makes the order call. */
  host = host_pane (&f, f.team_lead);

  /* Today's calls: the team lead took none; everyone's has the clerk's inquiry, with its clerk. */
  {
    KefuRecentCalls *recent = KEFU_RECENT_CALLS (kefu_intake_pane_get_recent_calls (host.pane));
    g_autoptr(GPtrArray) toggles = kefu_test_find_all (GTK_WIDGET (recent), ADW_TYPE_TOGGLE_GROUP);

    g_assert_cmpuint (g_list_model_get_n_items (kefu_recent_calls_get_calls (recent)), ==, 0);
    g_assert_cmpuint (toggles->len, ==, 1);
    adw_toggle_group_set_active_name (toggles->pdata[0], "everyone");
    g_assert_true (kefu_recent_calls_get_everyone (recent));
    kefu_test_wait_until (!kefu_recent_calls_get_busy (recent));
    g_assert_cmpuint (g_list_model_get_n_items (kefu_recent_calls_get_calls (recent)), ==, 1);
    {
      g_autoptr(KefuCall) listed = g_list_model_get_item (kefu_recent_calls_get_calls (recent), 0);

      g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (listed)), ==, kefu_record_get_id (KEFU_RECORD (inquiry)));
      g_assert_cmpstr (kefu_call_get_clerk_name (listed), ==, "王芳");
    }
    adw_toggle_group_set_active_name (toggles->pdata[0], "mine");
    kefu_test_wait_until (!kefu_recent_calls_get_busy (recent));
    g_assert_cmpuint (g_list_model_get_n_items (kefu_recent_calls_get_calls (recent)), ==, 0);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.leads", NULL));
  kefu_test_flush ();
  dialog = KEFU_LEADS_DIALOG (visible_dialog (GTK_WIDGET (host.pane)));
  g_assert_true (KEFU_IS_LEADS_DIALOG (dialog));
  kefu_test_wait_until (!kefu_leads_dialog_get_busy (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_leads_dialog_get_leads (dialog)), ==, 1);
  lead = g_list_model_get_item (kefu_leads_dialog_get_leads (dialog), 0);
  g_assert_cmpstr (kefu_lead_get_caller_name (lead), ==, "何敏");
  g_assert_cmpstr (kefu_lead_get_clerk_name (lead), ==, "王芳");
  shoot (GTK_WIDGET (host.pane), "leads");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "leads.make-order-call", "x",
                                             kefu_record_get_id (KEFU_RECORD (lead))));
  kefu_test_wait_until (visible_dialog (GTK_WIDGET (host.pane)) == NULL);
  kefu_test_wait_until (!kefu_intake_pane_get_busy (host.pane));

  /* The form holds an order call for the caller, which records the lead. */
  g_assert_cmpstr (kefu_call_form_get_kind_name (form_of (host.pane)), ==, "order");
  call = kefu_call_form_get_call (form_of (host.pane));
  g_assert_cmpstr (kefu_call_get_caller_name (call), ==, "何敏");
  g_assert_cmpint (kefu_call_get_customer_id (call), ==, kefu_lead_get_customer_id (lead));
  g_assert_cmpint (kefu_order_get_lead_id (kefu_call_get_order (call)), ==, kefu_record_get_id (KEFU_RECORD (lead)));
  shoot (GTK_WIDGET (host.pane), "lead-order-call");

  fill_order (host.pane, &f, "30", "home-delivery");
  order = save (host.pane);

  converted = kefu_store_list_leads (f.store, KEFU_LEAD_STATE_CONVERTED, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (converted), ==, 1);
  {
    g_autoptr(KefuLead) done = g_list_model_get_item (converted, 0);

    g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (done)), ==, kefu_record_get_id (KEFU_RECORD (lead)));
    g_assert_cmpint (kefu_lead_get_order_call_id (done), ==, kefu_record_get_id (KEFU_RECORD (order)));
  }

  host_close (&host);
  fixture_clear (&f);
}

/* An order outside the service area is flagged on save; the sales admin records that the
 * customer was told, which closes it. */
static void
test_intake_out_of_area (void)
{
  Fixture f = { 0 };
  g_autoptr(KefuCall) call = NULL;
  g_autoptr(KefuCall) stored = NULL;
  KefuOutOfAreaDialog *dialog;
  AdwAlertDialog *prompt;
  Host host;

  fixture_init (&f);
  kefu_store_set_system_actor (f.store);
  g_assert_true (kefu_store_set_setting (f.store, KEFU_SETTING_SERVICE_AREAS, "朝阳区、海淀区", NULL, NULL));
  kefu_store_set_actor (f.store, 0);
  host = host_pane (&f, f.clerk);

  look_up (host.pane, "13188889999");
  g_signal_emit_by_name (lookup_entry (host.pane), "activate");
  kefu_test_flush ();
  choose_kind (host.pane, "order");
  type_into (field (host.pane, "caller-name"), "杨帆");
  type_into (field (host.pane, "address"), "河北省廊坊市三河市燕郊镇迎宾路6号");
  fill_order (host.pane, &f, "4", "retail");
  call = save (host.pane);
  stored = stored_call (&f, call);
  g_assert_true (kefu_order_get_out_of_area (kefu_call_get_order (stored)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.out-of-area", NULL) &&
                  visible_dialog (GTK_WIDGET (host.pane)) != NULL);
  host_close (&host);

  host = host_pane (&f, f.sales_admin);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.out-of-area", NULL));
  kefu_test_flush ();
  dialog = KEFU_OUT_OF_AREA_DIALOG (visible_dialog (GTK_WIDGET (host.pane)));
  g_assert_true (KEFU_IS_OUT_OF_AREA_DIALOG (dialog));
  kefu_test_wait_until (!kefu_out_of_area_dialog_get_busy (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_out_of_area_dialog_get_orders (dialog)), ==, 1);
  shoot (GTK_WIDGET (host.pane), "out-of-area");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "area.notified", "x",
                                             kefu_record_get_id (KEFU_RECORD (kefu_call_get_order (stored)))));
  kefu_test_flush ();
  prompt = ADW_ALERT_DIALOG (visible_dialog (GTK_WIDGET (host.pane)));
  g_assert_true (ADW_IS_ALERT_DIALOG (prompt));
  /* Nothing typed, nothing to record. */
  g_assert_false (adw_alert_dialog_get_response_enabled (prompt, KEFU_TEXT_PROMPT_ACCEPT));
  type_into (GTK_WIDGET (kefu_text_prompt_get_entry (prompt)), "已电话致歉，告知燕郊不在配送范围");
  g_assert_true (adw_alert_dialog_get_response_enabled (prompt, KEFU_TEXT_PROMPT_ACCEPT));
  shoot (GTK_WIDGET (host.pane), "out-of-area-notice");
  gtk_widget_activate (find_titled (GTK_WIDGET (prompt), GTK_TYPE_BUTTON, T ("_Record and Close")));
  kefu_test_wait_until (!kefu_out_of_area_dialog_get_busy (dialog) &&
                        g_list_model_get_n_items (kefu_out_of_area_dialog_get_orders (dialog)) == 0);

  g_clear_object (&stored);
  stored = stored_call (&f, call);
  g_assert_nonnull (kefu_order_get_area_notified_at (kefu_call_get_order (stored)));
  g_assert_cmpstr (kefu_order_get_area_note (kefu_call_get_order (stored)), ==, "已电话致歉，告知燕郊不在配送范围");

  adw_dialog_force_close (ADW_DIALOG (dialog));
  host_close (&host);
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *state_home = NULL;

  intake_test_init (&argc, &argv, &data_home, &state_home);

  g_test_add_func ("/kefu/ui/intake/order-after-cutoff", test_intake_order_after_cutoff);
  g_test_add_func ("/kefu/ui/intake/lead-to-order", test_intake_lead_to_order);
  g_test_add_func ("/kefu/ui/intake/out-of-area", test_intake_out_of_area);

  return intake_test_run (data_home, state_home);
}
