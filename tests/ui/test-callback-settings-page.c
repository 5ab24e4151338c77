/* test-callback-settings-page.c: the Callbacks page of Preferences: the defaults shown, a bad
 * value refused with its reason (an unknown placeholder in the script too), the changes saved
 * and read back from the store, and a clerk who cannot change anything.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-callback-settings-page"

#include "config.h"

#include "core/kefu-settings-keys.h"
#include "kefu-callback-settings-page.h"

#include "kefu-ui-test.h"

static gboolean
page_busy (KefuCallbackSettingsPage *page)
{
  gboolean busy = FALSE;

  g_object_get (page, "busy", &busy, NULL);
  return busy;
}

static void
wait_page (KefuCallbackSettingsPage *page)
{
  kefu_test_flush ();
  kefu_test_wait_until (!page_busy (page));
  kefu_test_flush ();
}

static KefuCallbackSettingsPage *
make_page (KefuStore  *store,
           gint64      staff_id,
           GtkWindow **window_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStaff) staff = kefu_store_get_staff (store, staff_id, NULL, &error);
  KefuCallbackSettingsPage *page;
  GtkWindow *window;

  g_assert_no_error (error);
  kefu_store_set_actor (store, staff_id);
  page = kefu_callback_settings_page_new (store, staff);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 720, 1400);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  wait_page (page);
  *window_out = window;
  return page;
}

/* The entry row titled with `key`'s setting title. */
static GtkEditable *
entry_for (GtkWidget  *page,
           const char *key)
{
  g_autoptr(GPtrArray) rows = kefu_test_find_all (page, ADW_TYPE_ENTRY_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]),
                   kefu_setting_get_title (key)) == 0)
      return rows->pdata[i];
  g_error ("no row for %s", key);
  return NULL;
}

/* The text view whose accessible label is `key`'s title: found by its place among the views
 * (the script texts in the order of the settings' keys). */
static GtkTextBuffer *
script_buffer (GtkWidget *page,
               guint      index)
{
  g_autoptr(GPtrArray) views = kefu_test_find_all (page, GTK_TYPE_TEXT_VIEW);

  g_assert_cmpuint (views->len, ==, 6);
  return gtk_text_view_get_buffer (views->pdata[index]);
}

/* The reasons shown under the fields, joined. */
static char *
shown_reasons (GtkWidget *page)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (page, GTK_TYPE_LABEL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "error")
        && gtk_widget_is_visible (labels->pdata[i]))
      g_string_append_printf (text, "%s\n", gtk_label_get_label (labels->pdata[i]));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
setting (KefuStore  *store,
         const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = kefu_store_get_setting (store, key, NULL, &error);

  g_assert_no_error (error);
  return value;
}

static gboolean
save_enabled (KefuCallbackSettingsPage *page)
{
  g_autoptr(GPtrArray) rows = kefu_test_find_all (GTK_WIDGET (page), ADW_TYPE_BUTTON_ROW);

  /* The Save row follows its action: insensitive while the action is disabled. */
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (rows->pdata[i]), "callback-settings.save") == 0)
      return gtk_widget_get_sensitive (rows->pdata[i]);
  g_error ("no Save row");
  return FALSE;
}

static void
test_load_validate_save (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  gint64 manager = kefu_test_add_staff (store, "刘经理", "liu", KEFU_ROLE_CS_MANAGER);
  GtkWindow *window;
  KefuCallbackSettingsPage *page = make_page (store, manager, &window);
  GtkWidget *widget = GTK_WIDGET (page);
  GtkTextBuffer *opening = script_buffer (widget, 0);
  GtkWidget *quiet;
  g_autofree char *reasons = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  /* The defaults are shown; nothing changed, nothing to save. */
  g_assert_cmpstr (gtk_editable_get_text (entry_for (widget, KEFU_SETTING_CALLBACK_QUIET_HOURS)),
                   ==, "12:00-14:00,20:30-09:00");
  g_assert_cmpstr (gtk_editable_get_text (entry_for (widget, KEFU_SETTING_OFFICE_HOURS)), ==,
                   kefu_setting_get_default (KEFU_SETTING_OFFICE_HOURS));
  g_assert_cmpstr (gtk_editable_get_text (entry_for (widget, KEFU_SETTING_CALLBACK_WINDOW_DAYS)),
                   ==, "3");
  gtk_text_buffer_get_bounds (opening, &start, &end);
  text = gtk_text_buffer_get_text (opening, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, kefu_setting_get_default (KEFU_SETTING_SCRIPT_OPENING));
  g_assert_false (save_enabled (page));
  kefu_test_maybe_save_shot (GTK_WIDGET (window), "callback-settings-page");

  /* A bad time range is refused with the core's reason under the field; nothing to save. */
  gtk_editable_set_text (entry_for (widget, KEFU_SETTING_CALLBACK_QUIET_HOURS), "12:00-25:00");
  kefu_test_flush ();
  reasons = shown_reasons (widget);
  g_assert_cmpstr (reasons, !=, "");
  quiet = GTK_WIDGET (entry_for (widget, KEFU_SETTING_CALLBACK_QUIET_HOURS));
  g_assert_true (gtk_widget_has_css_class (quiet, "error"));
  g_assert_false (save_enabled (page));
  gtk_editable_set_text (entry_for (widget, KEFU_SETTING_CALLBACK_QUIET_HOURS),
                         "12:00-14:00,21:00-09:00");

  /* An unknown placeholder in a script text is refused, its name in the reason. */
  gtk_text_buffer_set_text (opening, "您好,我是{clerk},请问是{name}吗?", -1);
  kefu_test_flush ();
  g_clear_pointer (&reasons, g_free);
  reasons = shown_reasons (widget);
  g_assert_nonnull (strstr (reasons, "{name}"));
  g_assert_false (save_enabled (page));
  kefu_test_maybe_save_shot (GTK_WIDGET (window), "callback-settings-page-refused");
  gtk_text_buffer_set_text (opening, "您好,我是{company}的{clerk},请问是{customer}吗?", -1);
  gtk_editable_set_text (entry_for (widget, KEFU_SETTING_SITE_COMPANY_NAME), "光明乳业");
  gtk_editable_set_text (entry_for (widget, KEFU_SETTING_CALLBACK_MAX_ATTEMPTS), "5");
  {
    g_autoptr(GPtrArray) combos = kefu_test_find_all (widget, ADW_TYPE_COMBO_ROW);

    g_assert_cmpuint (combos->len, ==, 1);
    g_assert_cmpuint (adw_combo_row_get_selected (combos->pdata[0]), ==,
                      KEFU_SURVEY_PERIOD_QUARTER);
    adw_combo_row_set_selected (combos->pdata[0], KEFU_SURVEY_PERIOD_HALF);
  }
  kefu_test_flush ();
  g_clear_pointer (&reasons, g_free);
  reasons = shown_reasons (widget);
  g_assert_cmpstr (reasons, ==, "");
  g_assert_true (save_enabled (page));

  /* Saved: read back through the store; unchanged keys are not written. */
  g_assert_true (gtk_widget_activate_action (widget, "callback-settings.save", NULL));
  wait_page (page);
  {
    g_autofree char *quiet = setting (store, KEFU_SETTING_CALLBACK_QUIET_HOURS);
    g_autofree char *company = setting (store, KEFU_SETTING_SITE_COMPANY_NAME);
    g_autofree char *attempts = setting (store, KEFU_SETTING_CALLBACK_MAX_ATTEMPTS);
    g_autofree char *period = setting (store, KEFU_SETTING_CALLBACK_SURVEY_PERIOD);
    g_autofree char *script = setting (store, KEFU_SETTING_SCRIPT_OPENING);
    g_autofree char *window_days = setting (store, KEFU_SETTING_CALLBACK_WINDOW_DAYS);

    g_assert_cmpstr (quiet, ==, "12:00-14:00,21:00-09:00");
    g_assert_cmpstr (company, ==, "光明乳业");
    g_assert_cmpstr (attempts, ==, "5");
    g_assert_cmpstr (period, ==, "half");
    g_assert_cmpstr (script, ==, "您好,我是{company}的{clerk},请问是{customer}吗?");
    g_assert_null (window_days);
  }
  g_assert_false (save_enabled (page));

  gtk_window_destroy (window);
  kefu_test_remove_dir (dir);
}

static void
test_clerk_cannot_edit (void)
{
  g_autofree char *dir = kefu_test_make_dir ();
  g_autoptr(KefuStore) store = kefu_test_open_store (dir);
  gint64 clerk = kefu_test_add_staff (store, "王芳", "wangfang", KEFU_ROLE_CLERK);
  GtkWindow *window;
  KefuCallbackSettingsPage *page = make_page (store, clerk, &window);
  GtkWidget *widget = GTK_WIDGET (page);
  g_autoptr(GPtrArray) views = kefu_test_find_all (widget, GTK_TYPE_TEXT_VIEW);
  g_autoptr(GPtrArray) groups = kefu_test_find_all (widget, ADW_TYPE_PREFERENCES_GROUP);

  g_assert_false (gtk_editable_get_editable (entry_for (widget, KEFU_SETTING_OFFICE_HOURS)));
  g_assert_false (gtk_text_view_get_editable (views->pdata[0]));
  gtk_editable_set_text (entry_for (widget, KEFU_SETTING_SITE_COMPANY_NAME), "别的公司");
  kefu_test_flush ();
  g_assert_false (save_enabled (page));
  /* The first group says why (only a manager can change them). */
  g_assert_true (gtk_widget_get_visible (groups->pdata[0]));
  g_assert_false (gtk_widget_activate_action (widget, "callback-settings.save", NULL)
                  && page_busy (page));
  wait_page (page);
  {
    g_autofree char *company = setting (store, KEFU_SETTING_SITE_COMPANY_NAME);

    g_assert_null (company);
  }

  gtk_window_destroy (window);
  kefu_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;

  kefu_test_choose_language (FALSE);
  data_home = kefu_test_init (&argc, &argv);
  kefu_test_choose_language (TRUE);
  g_test_add_func ("/kefu/callback-settings-page/load-validate-save", test_load_validate_save);
  g_test_add_func ("/kefu/callback-settings-page/clerk-cannot-edit", test_clerk_cannot_edit);
  return kefu_test_run (data_home);
}
