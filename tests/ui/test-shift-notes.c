/* test-shift-notes.c: the shift hand-over notes in the Dashboard: the day shift writes a note
 * with an urgent mark and a link found by phone number, and hands it over; the night shift
 * starts and the dialog lists it; a link's button activates the window's action with the
 * record's id; Mark All as Read empties the unread count; the log follows the change feed; a
 * failed save keeps the draft (and a pane switch does too).
 *
 * With KEFU_TEST_SHOTS set, pictures of the view and the dialog.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-shift-notes"

#include "config.h"

#include "dashboard/kefu-shift-notes-composer.h"
#include "dashboard/kefu-shift-notes-dialog.h"
#include "dashboard/kefu-shift-notes-row.h"
#include "dashboard/kefu-shift-notes-view.h"

#include "kefu-ui-test.h"

typedef struct
{
  char               *dir;
  KefuStore          *store;
  KefuStaff          *day;      /* 王芳, the day shift */
  KefuStaff          *night;    /* 李娜, the night shift */
  gint64              customer; /* 赵敏, 138 1234 5678 */
  AdwWindow          *window;
  GtkStack           *stack;
  KefuShiftNotesView *view;
  KefuLive           *live;
  /* The window actions activated: "open-customer:42" … */
  GPtrArray          *opened;
} Fixture;

static KefuStaff *
get_staff (KefuStore *store,
           gint64     id)
{
  g_autoptr(GError) error = NULL;
  KefuStaff *staff = kefu_store_get_staff (store, id, NULL, &error);

  g_assert_no_error (error);
  return staff;
}

static void
open_cb (GSimpleAction *action,
         GVariant      *param,
         Fixture       *fixture)
{
  g_ptr_array_add (fixture->opened,
                   g_strdup_printf ("%s:%" G_GINT64_FORMAT, g_action_get_name (G_ACTION (action)),
                                    g_variant_get_int64 (param)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *const actions[] = {
    "open-call", "open-complaint", "open-shipment", "open-job", "open-callback", "open-customer",
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13812345678", NULL };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);
  fixture->day = get_staff (fixture->store,
                            kefu_test_add_staff (fixture->store, "王芳", "wangfang",
                                                 KEFU_ROLE_CLERK));
  fixture->night = get_staff (fixture->store,
                              kefu_test_add_staff (fixture->store, "李娜", "lina",
                                                   KEFU_ROLE_CLERK));
  kefu_store_set_system_actor (fixture->store);
  kefu_customer_set_name (customer, "赵敏");
  kefu_customer_set_phones (customer, phones);
  g_assert_true (kefu_store_create_customer (fixture->store, customer, NULL, &error));
  g_assert_no_error (error);
  fixture->customer = kefu_record_get_id (KEFU_RECORD (customer));
  kefu_store_set_actor (fixture->store, kefu_record_get_id (KEFU_RECORD (fixture->day)));

  fixture->opened = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (actions[i], G_VARIANT_TYPE_INT64);

      g_signal_connect (action, "activate", G_CALLBACK (open_cb), fixture);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }

  /* The application's style sheet (the badges), which AdwApplication would load. */
  gtk_css_provider_load_from_resource (css, "/io/github/kefu/Kefu/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  fixture->live = kefu_live_new (NULL);
  fixture->window = ADW_WINDOW (adw_window_new ());
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 860);
  /* Another pane beside it, to switch away and back. */
  fixture->stack = GTK_STACK (gtk_stack_new ());
  fixture->view = KEFU_SHIFT_NOTES_VIEW (kefu_shift_notes_view_new ());
  gtk_stack_add_named (fixture->stack, GTK_WIDGET (fixture->view), "dashboard");
  gtk_stack_add_named (fixture->stack, gtk_label_new ("Intake"), "intake");
  adw_window_set_content (fixture->window, GTK_WIDGET (fixture->stack));
  g_object_set (fixture->view, "store", fixture->store, "live", fixture->live,
                "staff", fixture->day, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  kefu_test_wait_until (!kefu_shift_notes_view_get_busy (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  kefu_test_flush ();
  g_clear_object (&fixture->live);
  g_clear_object (&fixture->day);
  g_clear_object (&fixture->night);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->opened, g_ptr_array_unref);
  kefu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (KEFU_IS_SHIFT_NOTES_ROW (child))
      n++;
  return n;
}

static KefuShiftNotesRow *
first_row (GtkListBox *list)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

  g_assert_true (KEFU_IS_SHIFT_NOTES_ROW (row));
  return KEFU_SHIFT_NOTES_ROW (row);
}

static char *
composer_text (KefuShiftNotesComposer *composer)
{
  return kefu_shift_notes_composer_get_text (composer);
}

static guint
store_unread (Fixture   *fixture,
              KefuStaff *staff)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) unread = NULL;

  unread = kefu_store_list_unread_shift_notes (fixture->store,
                                               kefu_record_get_id (KEFU_RECORD (staff)), NULL,
                                               &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (unread);
}

static void
test_hand_over_and_start (Fixture       *fixture,
                          gconstpointer  data)
{
  KefuShiftNotesComposer *composer =
    KEFU_SHIFT_NOTES_COMPOSER (kefu_shift_notes_view_get_composer (fixture->view));
  GtkListBox *list = kefu_shift_notes_view_get_list (fixture->view);
  g_autofree char *left = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(KefuShiftNoteLink) link = NULL;
  AdwDialog *dialog;
  KefuShiftNotesRow *row;
  GtkWidget *button;

  /* The day shift writes the note and links the customer by phone. */
  kefu_shift_notes_composer_set_text (composer,
                                      "赵敏投诉的鲜牛奶有异味，今晚八点前务必回电说明处理结果。\n"
                                      "潜在客户王先生问过家庭配送，明早联系。");
  kefu_shift_notes_composer_set_urgent (composer, TRUE);
  kefu_shift_notes_composer_find_link (composer, -1, "138 1234 5678");
  kefu_test_wait_until (g_list_model_get_n_items (kefu_shift_notes_composer_get_links (composer))
                        == 1);
  link = g_list_model_get_item (kefu_shift_notes_composer_get_links (composer), 0);
  g_assert_cmpint (kefu_shift_note_link_get_entity (link), ==, KEFU_SHIFT_NOTE_ENTITY_CUSTOMER);
  g_assert_cmpint (kefu_shift_note_link_get_entity_id (link), ==, fixture->customer);
  /* A miss says why, and adds nothing. */
  kefu_shift_notes_composer_find_link (composer, -1, "TS-20261127-0099");
  kefu_test_wait_until (!kefu_shift_notes_composer_get_busy (composer));
  g_assert_nonnull (kefu_shift_notes_composer_get_error (composer));
  g_assert_nonnull (strstr (kefu_shift_notes_composer_get_error (composer), "TS-20261127-0099"));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_shift_notes_composer_get_links (composer)),
                    ==, 1);
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "shift-notes-draft");

  gtk_widget_activate_action (GTK_WIDGET (composer), "composer.hand-over", NULL);
  kefu_test_wait_until (count_rows (list) == 1 && !kefu_shift_notes_view_get_busy (fixture->view));
  left = composer_text (composer);
  g_assert_cmpstr (left, ==, "");
  g_assert_false (kefu_shift_notes_composer_get_urgent (composer));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_shift_notes_composer_get_links (composer)),
                    ==, 0);
  /* The author has nothing unread: the note is theirs. */
  g_assert_cmpuint (kefu_shift_notes_view_get_n_unread (fixture->view), ==, 0);
  row = first_row (list);
  g_assert_false (kefu_shift_notes_row_get_unread (row));
  g_assert_true (kefu_shift_note_get_urgent (kefu_shift_notes_row_get_note (row)));

  /* The night shift starts: the dialog lists the note, marked new. */
  kefu_store_set_actor (fixture->store, kefu_record_get_id (KEFU_RECORD (fixture->night)));
  g_object_set (fixture->view, "staff", fixture->night, NULL);
  kefu_test_wait_until (kefu_shift_notes_view_get_n_unread (fixture->view) == 1);
  g_assert_true (kefu_shift_notes_row_get_unread (first_row (list)));
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "shift-notes-view");

  kefu_shift_notes_dialog_present_unread (GTK_WIDGET (fixture->window), fixture->store,
                                          kefu_record_get_id (KEFU_RECORD (fixture->night)),
                                          NULL);
  kefu_test_wait_until (adw_window_get_visible_dialog (fixture->window) != NULL);
  dialog = adw_window_get_visible_dialog (fixture->window);
  g_assert_true (KEFU_IS_SHIFT_NOTES_DIALOG (dialog));
  list = kefu_shift_notes_dialog_get_list (KEFU_SHIFT_NOTES_DIALOG (dialog));
  g_assert_cmpuint (count_rows (list), ==, 1);
  row = first_row (list);
  g_assert_cmpstr (kefu_shift_note_get_author_name (kefu_shift_notes_row_get_note (row)), ==,
                   "王芳");
  kefu_test_flush ();
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "shift-notes-dialog");

  /* The link opens the customer (the window's action, with the id) and makes way for it. */
  button = kefu_shift_notes_row_get_link_button (row, 0);
  g_assert_nonnull (button);
  g_assert_null (kefu_shift_notes_row_get_link_button (row, 1));
  gtk_widget_activate (button);
  kefu_test_wait_until (fixture->opened->len == 1);
  expected = g_strdup_printf ("open-customer:%" G_GINT64_FORMAT, fixture->customer);
  g_assert_cmpstr (g_ptr_array_index (fixture->opened, 0), ==, expected);
  kefu_test_wait_until (adw_window_get_visible_dialog (fixture->window) == NULL);
  /* Opening a record is not reading the notes. */
  g_assert_cmpuint (store_unread (fixture, fixture->night), ==, 1);

  /* At the next start the dialog is there again; Mark All as Read empties the count. */
  kefu_shift_notes_dialog_present_unread (GTK_WIDGET (fixture->window), fixture->store,
                                          kefu_record_get_id (KEFU_RECORD (fixture->night)),
                                          NULL);
  kefu_test_wait_until (adw_window_get_visible_dialog (fixture->window) != NULL);
  dialog = adw_window_get_visible_dialog (fixture->window);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.mark-all-read", NULL);
  kefu_test_wait_until (adw_window_get_visible_dialog (fixture->window) == NULL);
  g_assert_cmpuint (store_unread (fixture, fixture->night), ==, 0);
  kefu_shift_notes_view_reload (fixture->view);
  kefu_test_wait_until (kefu_shift_notes_view_get_n_unread (fixture->view) == 0 &&
                        !kefu_shift_notes_view_get_busy (fixture->view));
  g_assert_false (kefu_shift_notes_row_get_unread (first_row (kefu_shift_notes_view_get_list (fixture->view))));

  /* Nothing unread: the next start shows no dialog. */
  kefu_shift_notes_dialog_present_unread (GTK_WIDGET (fixture->window), fixture->store,
                                          kefu_record_get_id (KEFU_RECORD (fixture->night)),
                                          NULL);
  kefu_test_flush ();
  g_assert_null (adw_window_get_visible_dialog (fixture->window));
}

static void
test_live_and_mark_all (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkListBox *list = kefu_shift_notes_view_get_list (fixture->view);
  g_autoptr(KefuShiftNote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id;

  g_object_set (fixture->view, "staff", fixture->night, NULL);
  kefu_test_wait_until (!kefu_shift_notes_view_get_busy (fixture->view));
  g_assert_cmpuint (count_rows (list), ==, 0);

  /* Another workstation's day shift hands over; the change feed tells the view. */
  note = kefu_store_write_shift_note (fixture->store, "冷库温度报警，已报修，夜班留意", TRUE, NULL,
                                      NULL, &error);
  g_assert_no_error (error);
  id = kefu_record_get_id (KEFU_RECORD (note));
  g_array_append_val (ids, id);
  kefu_live_feed (fixture->live, "shift-note", ids);
  kefu_live_flush (fixture->live);
  kefu_test_wait_until (count_rows (list) == 1 && kefu_shift_notes_view_get_n_unread (fixture->view) == 1);

  /* The view's own Mark All as Read. */
  kefu_store_set_actor (fixture->store, kefu_record_get_id (KEFU_RECORD (fixture->night)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "shift-notes.mark-all-read", NULL));
  kefu_test_wait_until (kefu_shift_notes_view_get_n_unread (fixture->view) == 0);
  g_assert_cmpuint (store_unread (fixture, fixture->night), ==, 0);
}

static void
test_failed_save_keeps_draft (Fixture       *fixture,
                              gconstpointer  data)
{
  KefuShiftNotesComposer *composer =
    KEFU_SHIFT_NOTES_COMPOSER (kefu_shift_notes_view_get_composer (fixture->view));
  const char *draft = "明早九点前给华康医院回电，离心机维修进度。";
  g_autofree char *kept = NULL;
  g_autofree char *after_switch = NULL;
  g_autofree char *left = NULL;

  kefu_shift_notes_composer_set_text (composer, draft);
  kefu_shift_notes_composer_find_link (composer, KEFU_SHIFT_NOTE_ENTITY_CUSTOMER, "5678");
  kefu_test_wait_until (g_list_model_get_n_items (kefu_shift_notes_composer_get_links (composer))
                        == 1);

  /* Nobody is signed in at the store (as when the session was lost): the save fails. */
  kefu_store_set_actor (fixture->store, 0);
  gtk_widget_activate_action (GTK_WIDGET (composer), "composer.hand-over", NULL);
  kefu_test_wait_until (kefu_shift_notes_composer_get_error (composer) != NULL &&
                        !kefu_shift_notes_composer_get_busy (composer));
  g_test_message ("%s", kefu_shift_notes_composer_get_error (composer));
  /* The words are English unless the pictures are taken in another language. */
  if (g_getenv ("KEFU_TEST_LOCALEDIR") == NULL)
    g_assert_true (g_str_has_prefix (kefu_shift_notes_composer_get_error (composer),
                                     "The note was not handed over: "));
  kept = composer_text (composer);
  g_assert_cmpstr (kept, ==, draft);
  g_assert_cmpuint (g_list_model_get_n_items (kefu_shift_notes_composer_get_links (composer)),
                    ==, 1);
  kefu_test_maybe_save_shot (GTK_WIDGET (fixture->window), "shift-notes-failed");

  /* Another pane and back: the draft is still there. */
  gtk_stack_set_visible_child_name (fixture->stack, "intake");
  kefu_test_flush ();
  gtk_stack_set_visible_child_name (fixture->stack, "dashboard");
  kefu_test_flush ();
  after_switch = composer_text (composer);
  g_assert_cmpstr (after_switch, ==, draft);

  /* Signed in again, it is handed over and the draft cleared. */
  kefu_store_set_actor (fixture->store, kefu_record_get_id (KEFU_RECORD (fixture->day)));
  gtk_widget_activate_action (GTK_WIDGET (composer), "composer.hand-over", NULL);
  kefu_test_wait_until (count_rows (kefu_shift_notes_view_get_list (fixture->view)) == 1);
  left = composer_text (composer);
  g_assert_cmpstr (left, ==, "");
  g_assert_null (kefu_shift_notes_composer_get_error (composer));
}

/* The window itself: the night shift's start (the staff member remembered at this workstation)
 * shows the dialog over the panes, and a link opens its record through the window's action. */
static void
test_window_start (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KefuShiftNote) note = NULL;
  g_autoptr(GListStore) links = g_list_store_new (KEFU_TYPE_SHIFT_NOTE_LINK);
  g_autoptr(KefuShiftNoteLink) link = kefu_shift_note_link_new (KEFU_SHIFT_NOTE_ENTITY_CUSTOMER,
                                                                fixture->customer,
                                                                "赵敏 138 1234 5678");
  g_autoptr(GError) error = NULL;
  KefuWindow *window;
  AdwDialog *dialog;
  KefuShiftNotesRow *row;

  g_list_store_append (links, link);
  note = kefu_store_write_shift_note (fixture->store, "赵敏要回电", TRUE, G_LIST_MODEL (links),
                                      NULL, &error);
  g_assert_no_error (error);
  kefu_test_remember_staff (fixture->store, kefu_record_get_id (KEFU_RECORD (fixture->night)));

  window = kefu_test_present_window (NULL, fixture->store, 1100, 800);
  g_assert_true (kefu_window_get_staff (window) != NULL);
  g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (kefu_window_get_staff (window))), ==,
                   kefu_record_get_id (KEFU_RECORD (fixture->night)));
  kefu_test_wait_until (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))
                        != NULL);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (KEFU_IS_SHIFT_NOTES_DIALOG (dialog));
  row = first_row (kefu_shift_notes_dialog_get_list (KEFU_SHIFT_NOTES_DIALOG (dialog)));
  /* A button activates once it is realized: let the dialog come up. */
  kefu_test_flush ();
  g_assert_cmpstr (kefu_window_get_visible_pane (window), ==, "intake");
  gtk_widget_activate (kefu_shift_notes_row_get_link_button (row, 0));
  kefu_test_wait_until (g_strcmp0 (kefu_window_get_visible_pane (window), "customers") == 0);
  kefu_test_wait_until (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))
                        == NULL);
  /* The customer's page has finished reading before the window goes. */
  kefu_test_wait_until (!kefu_window_get_busy (window));
  kefu_test_flush ();
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int result;

  /* The assertions read the English strings (KEFU_TEST_LOCALEDIR: pictures in $LANG). */
  kefu_test_choose_language (FALSE);
  gtk_test_init (&argc, &argv, NULL);
  kefu_test_choose_language (TRUE);
  adw_init ();

  g_test_add ("/kefu/shift-notes/hand-over-and-start", Fixture, NULL,
              fixture_set_up, test_hand_over_and_start, fixture_tear_down);
  g_test_add ("/kefu/shift-notes/live-and-mark-all", Fixture, NULL,
              fixture_set_up, test_live_and_mark_all, fixture_tear_down);
  g_test_add ("/kefu/shift-notes/failed-save-keeps-draft", Fixture, NULL,
              fixture_set_up, test_failed_save_keeps_draft, fixture_tear_down);
  g_test_add ("/kefu/shift-notes/window-start", Fixture, NULL,
              fixture_set_up, test_window_start, fixture_tear_down);

  result = g_test_run ();
  kefu_test_remove_dir (data_home);
  return result;
}
