/* test-intake-drafts.c: what keeps a call from being lost: drafts across windows, a window
 * closed mid-save, Escape asking first, and the telephony hand-off through the application's
 * command line.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kefu-test-intake"

#include "config.h"

#include "test-intake.h"

/* A window over the store with the clerk remembered as working, as the application makes it. */
static KefuWindow *
make_window (Fixture *f)
{
  KefuWindow *window;

  kefu_test_remember_staff (f->store, kefu_record_get_id (KEFU_RECORD (f->clerk)));
  window = kefu_test_present_window (NULL, f->store, 1200, 860);
  kefu_test_wait_until (!kefu_window_get_busy (window) && kefu_window_get_staff (window) != NULL);
  return window;
}

static KefuIntakePane *
window_pane (KefuWindow *window)
{
  return KEFU_INTAKE_PANE (kefu_test_find_mapped (GTK_WIDGET (window), KEFU_TYPE_INTAKE_PANE));
}

/* What was typed survives the window: destroyed mid-call, the next window over the same
 * database brings the call back with a banner; Discard on the banner ends it for good. */
static void
test_intake_draft_survives_window (void)
{
  Fixture f = { 0 };
  KefuIntakePane *pane;
  KefuWindow *window;
  AdwBanner *banner;
  KefuCall *call;

  fixture_init (&f);
  window = make_window (&f);
  pane = window_pane (window);
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "intake");

  choose_kind (pane, "complaint");
  type_into (field (pane, "caller-name"), "高远");
  type_into (field (pane, "phone"), "13944448888");
  type_into (field (pane, "subject"), "酸奶 200g");
  type_into (field (pane, "reason"), "送货晚了两个小时");

  /* No pause for the delayed write: the window goes at once. */
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();

  window = make_window (&f);
  pane = window_pane (window);
  banner = banner_titled (GTK_WIDGET (pane), T ("A call you were recording was restored"));
  g_assert_true (adw_banner_get_revealed (banner));
  shoot (GTK_WIDGET (pane), "draft-restored");
  call = kefu_call_form_get_call (form_of (pane));
  g_assert_cmpint (kefu_call_get_kind (call), ==, KEFU_CALL_KIND_COMPLAINT);
  g_assert_cmpstr (kefu_call_form_get_kind_name (form_of (pane)), ==, "complaint");
  g_assert_cmpstr (kefu_call_get_caller_name (call), ==, "高远");
  g_assert_cmpstr (kefu_call_get_phone (call), ==, "13944448888");
  g_assert_cmpstr (kefu_complaint_get_subject (kefu_call_get_complaint (call)), ==, "酸奶 200g");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (pane, "caller-name"))), ==, "高远");

  /* The banner's Discard ends the draft: the next window starts empty. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "intake.discard-restored", NULL));
  kefu_test_flush ();
  g_assert_false (adw_banner_get_revealed (banner));
  g_assert_true (kefu_call_form_get_blank (form_of (pane)));
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();

  window = make_window (&f);
  pane = window_pane (window);
  banner = banner_titled (GTK_WIDGET (pane), T ("A call you were recording was restored"));
  g_assert_false (adw_banner_get_revealed (banner));
  g_assert_true (kefu_call_form_get_blank (form_of (pane)));

  /* Typing writes the draft after a short pause, while the window stays. */
  type_into (field (pane, "caller-name"), "马丽");
  {
    g_autoptr(KefuDraftFile) draft = kefu_draft_file_new (kefu_store_get_description (f.store));
    g_autoptr(KefuCall) written = NULL;
    g_autoptr(GError) error = NULL;
    gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

    while (g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    written = kefu_draft_file_load (draft, &error);
    g_assert_no_error (error);
    g_assert_nonnull (written);
    g_assert_cmpstr (kefu_call_get_caller_name (written), ==, "马丽");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
  fixture_clear (&f);
}

/* A window closed while its call is being saved: the call is stored once, and the draft that
 * kept it meanwhile goes, so the next window does not bring back a call already saved. */
static void
test_intake_close_while_saving (void)
{
  Fixture f = { 0 };
  g_autoptr(KefuDraftFile) draft = NULL;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GError) error = NULL;
  KefuIntakePane *pane;
  KefuWindow *window;

  fixture_init (&f);
  draft = kefu_draft_file_new (kefu_store_get_description (f.store));
  window = make_window (&f);
  pane = window_pane (window);

  look_up (pane, "13655557777");
  g_signal_emit_by_name (lookup_entry (pane), "activate");
  kefu_test_flush ();
  choose_kind (pane, "inquiry");
  type_into (field (pane, "caller-name"), "史强");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_titled (field (pane, "topics"), GTK_TYPE_TOGGLE_BUTTON,
                                                                kefu_inquiry_topic_get_display_name (KEFU_INQUIRY_TOPIC_PROMOTIONS))),
                                TRUE);
  type_into (field (pane, "answer"), "本月订一年送两个月");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "intake.save", NULL));
  gtk_window_destroy (GTK_WINDOW (window));

  /* The answer comes after the window has gone. */
  kefu_test_wait_until (({
    g_clear_object (&calls);
    calls = kefu_store_list_recent_calls (f.store, 0, NULL, 10, NULL, NULL);
    calls != NULL && g_list_model_get_n_items (calls) == 1; }));
  kefu_test_wait_until (!kefu_draft_file_exists (draft));

  window = make_window (&f);
  pane = window_pane (window);
  g_assert_true (kefu_call_form_get_blank (form_of (pane)));
  g_assert_false (adw_banner_get_revealed (banner_titled (GTK_WIDGET (pane),
                                                          T ("A call you were recording was restored"))));
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
  fixture_clear (&f);
}

/* Escape asks before throwing away a call that has something in it, and only then. */
static void
test_intake_escape_asks (void)
{
  Fixture f = { 0 };
  AdwDialog *dialog;
  Host host;

  fixture_init (&f);
  host = host_pane (&f, f.clerk);

  /* Empty: Escape just makes it ready, without a question. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.discard", NULL));
  kefu_test_flush ();
  g_assert_null (visible_dialog (GTK_WIDGET (host.pane)));

  type_into (field (host.pane, "caller-name"), "林峰");

  /* Keep Editing keeps it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.discard", NULL));
  kefu_test_flush ();
  dialog = visible_dialog (GTK_WIDGET (host.pane));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_close_response (ADW_ALERT_DIALOG (dialog)), ==, "keep");
  shoot (GTK_WIDGET (host.pane), "discard-question");
  gtk_widget_activate (find_titled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, T ("_Keep Editing")));
  kefu_test_wait_until (visible_dialog (GTK_WIDGET (host.pane)) == NULL);
  g_assert_cmpstr (kefu_call_get_caller_name (kefu_call_form_get_call (form_of (host.pane))), ==, "林峰");

  /* Discard empties it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (host.pane), "intake.discard", NULL));
  kefu_test_flush ();
  dialog = visible_dialog (GTK_WIDGET (host.pane));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  gtk_widget_activate (find_titled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, T ("_Discard")));
  kefu_test_wait_until (visible_dialog (GTK_WIDGET (host.pane)) == NULL);
  g_assert_true (kefu_call_form_get_blank (form_of (host.pane)));

  host_close (&host);
  fixture_clear (&f);
}

/* The telephony hand-off through the application's command line. */

typedef struct
{
  Fixture         *fixture;
  KefuApplication *app;
  gboolean         checked;
} HandOff;

/* What a second `kefu --incoming-call=…` sends the running instance over D-Bus: its options,
 * handled by the same command-line code. */
static void
remote_incoming_call (KefuApplication *app,
                      const char      *number)
{
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_autoptr(GApplicationCommandLine) command_line = NULL;
  const char *argv[] = { "kefu", NULL };
  int status = -1;

  g_variant_dict_insert (options, "incoming-call", "s", number);
  command_line = g_object_new (G_TYPE_APPLICATION_COMMAND_LINE,
                               "arguments", g_variant_new_bytestring_array (argv, -1),
                               "options", g_variant_dict_end (options),
                               NULL);
  g_signal_emit_by_name (app, "command-line", command_line, &status);
  g_assert_cmpint (status, ==, 0);
}

static gboolean
hand_off_check_cb (gpointer user_data)
{
  HandOff *hand_off = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (hand_off->app));
  KefuWindow *window;
  KefuIntakePane *pane;
  KefuCall *call;
  AdwBanner *kept;

  if (windows == NULL || !KEFU_IS_WINDOW (windows->data))
    return G_SOURCE_CONTINUE;
  window = windows->data;
  if (g_strcmp0 (kefu_window_get_page (window), "panes") != 0 || kefu_window_get_busy (window))
    return G_SOURCE_CONTINUE;

  /* The first number: the intake pane shows a new call from it, and the lookup searched it. */
  pane = window_pane (window);
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "intake");
  call = kefu_call_form_get_call (form_of (pane));
  g_assert_cmpstr (kefu_call_get_phone (call), ==, "13800138000");
  g_assert_cmpstr (kefu_caller_lookup_get_text (lookup_of (pane)), ==, "13800138000");
  kefu_test_wait_until (!kefu_caller_lookup_get_busy (lookup_of (pane)));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_caller_lookup_get_results (lookup_of (pane))), ==, 1);

  /* The clerk types a name; another call rings through the running instance, as a SIP URI
   * from the softphone. The first call is kept as a draft, the form has the new number. */
  kefu_window_select_pane (window, "customers");
  type_into (field (pane, "caller-name"), "罗兰");
  remote_incoming_call (hand_off->app, "\"来电\" <sip:13912340000@pbx.example.com;user=phone>");
  kefu_test_flush ();
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "intake");
  call = kefu_call_form_get_call (form_of (pane));
  g_assert_cmpstr (kefu_call_get_phone (call), ==, "13912340000");
  g_assert_cmpstr (kefu_call_get_caller_name (call), ==, "");
  kept = banner_titled (GTK_WIDGET (pane), T ("The call you were recording was kept as a draft"));
  g_assert_true (adw_banner_get_revealed (kept));
  shoot (GTK_WIDGET (pane), "incoming-call-kept");

  /* Restore brings the first call back and keeps the second in its place. */
  type_into (field (pane, "caller-name"), "赵雷");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "intake.restore-kept", NULL));
  kefu_test_flush ();
  call = kefu_call_form_get_call (form_of (pane));
  g_assert_cmpstr (kefu_call_get_caller_name (call), ==, "罗兰");
  g_assert_cmpstr (kefu_call_get_phone (call), ==, "13800138000");
  g_assert_true (adw_banner_get_revealed (kept));

  hand_off->checked = TRUE;
  kefu_test_close_windows (hand_off->app);
  return G_SOURCE_REMOVE;
}

static void
test_intake_incoming_call (void)
{
  Fixture f = { 0 };
  g_autofree char *database_arg = NULL;
  HandOff hand_off = { 0 };
  int status;

  fixture_init (&f);
  kefu_test_remember_staff (f.store, kefu_record_get_id (KEFU_RECORD (f.clerk)));
  kefu_store_set_system_actor (f.store);
  add_customer (f.store, "钱多多", "13800138000", "北京市朝阳区东三环中路7号", TRUE);
  kefu_store_set_actor (f.store, 0);

  database_arg = g_strdup_printf ("--database=%s", kefu_store_get_description (f.store));
  {
    char *argv[] = { "kefu", database_arg, "--incoming-call=138 0013 8000", NULL };

    hand_off.fixture = &f;
    hand_off.app = kefu_test_make_application ();
    g_timeout_add (50, hand_off_check_cb, &hand_off);
    status = g_application_run (G_APPLICATION (hand_off.app), G_N_ELEMENTS (argv) - 1, argv);
  }
  g_assert_cmpint (status, ==, 0);
  g_assert_true (hand_off.checked);

  kefu_test_close_application (hand_off.app);
  fixture_clear (&f);
}

static void
test_intake_incoming_number_forms (void)
{
  static const struct {
    const char *given;
    const char *number;
  } cases[] = {
    { "13812345678", "13812345678" },
    { " 138 1234 5678 ", "138 1234 5678" },
    { "sip:13812345678@pbx.example.com", "13812345678" },
    { "SIP:13812345678@pbx.example.com;user=phone", "13812345678" },
    { "\"王伟\" <sip:+8613812345678@pbx;user=phone>;tag=abc", "+8613812345678" },
    { "tel:+86-138-1234-5678", "+86-138-1234-5678" },
    { "sips:01062345678@10.0.0.1", "01062345678" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *number = kefu_application_clean_incoming_number (cases[i].given);

      g_assert_cmpstr (number, ==, cases[i].number);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *state_home = NULL;

  intake_test_init (&argc, &argv, &data_home, &state_home);

  g_test_add_func ("/kefu/ui/intake/draft-survives-window", test_intake_draft_survives_window);
  g_test_add_func ("/kefu/ui/intake/close-while-saving", test_intake_close_while_saving);
  g_test_add_func ("/kefu/ui/intake/escape-asks", test_intake_escape_asks);
  g_test_add_func ("/kefu/ui/intake/incoming-call", test_intake_incoming_call);
  g_test_add_func ("/kefu/ui/intake/incoming-number-forms", test_intake_incoming_number_forms);

  return intake_test_run (data_home, state_home);
}
