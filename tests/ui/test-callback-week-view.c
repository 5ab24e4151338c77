/* test-callback-week-view.c: the callback calendar's week: seven days from a Monday by the
 * hotline's half hours, the customers' rest time shaded, callbacks in their local half hour (two
 * shown, "+N more"), a callback opened through callbacks.open, weeks turned.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-callback-week-view"

#include "config.h"

#include "callbacks/kefu-callback-week-view.h"
#include "core/kefu-callback.h"

#include "kefu-ui-test.h"

/* The assertions on words read the English strings; with KEFU_TEST_LOCALEDIR set the pictures
 * are taken in another language, and the words are not checked. */
#define assert_words(actual, expected)                                   \
  G_STMT_START {                                                         \
    if (g_getenv ("KEFU_TEST_LOCALEDIR") == NULL)                        \
      g_assert_cmpstr ((actual), ==, (expected));                        \
  } G_STMT_END

/* 09:00–21:00 gives 24 half-hour rows, the first at 09:00. */
#define N_ROWS 24

static void
count_cb (GObject *object,
          guint   *count)
{
  (*count)++;
}

static void
open_cb (GSimpleAction *action,
         GVariant      *parameter,
         gint64        *opened)
{
  *opened = g_variant_get_int64 (parameter);
}

static GDate
make_day (guint year,
          guint month,
          guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

static KefuCallback *
make_callback (GTimeZone         *tz,
               gint64             id,
               const char        *name,
               int                day,
               int                hour,
               int                minute,
               KefuCallbackState  state)
{
  KefuCallback *callback = kefu_callback_new ();

  callback->id = id;
  callback->customer_name = g_strdup (name);
  callback->state = state;
  callback->due_at = g_date_time_new (tz, 2026, 11, day, hour, minute, 0);
  if (state == KEFU_CALLBACK_STATE_DONE)
    callback->done_at = g_date_time_ref (callback->due_at);
  return callback;
}

/* The cells in order: day by day, each day's half hours from 09:00. */
static GPtrArray *
find_cells (GtkWidget  *view,
            const char *css_class)
{
  g_autoptr(GPtrArray) all = kefu_test_find_all (view, GTK_TYPE_WIDGET);
  GPtrArray *cells = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_has_css_class (all->pdata[i], css_class))
      g_ptr_array_add (cells, all->pdata[i]);
  return cells;
}

static GtkWidget *
cell_at (GPtrArray *cells,
         guint      day,
         guint      hour,
         guint      minute)
{
  return cells->pdata[day * N_ROWS + ((hour - 9) * 60 + minute) / 30];
}

/* The visible buttons of a cell, in order. */
static GPtrArray *
visible_buttons (GtkWidget *cell)
{
  g_autoptr(GPtrArray) buttons = kefu_test_find_all (cell, GTK_TYPE_BUTTON);
  GPtrArray *shown = g_ptr_array_new ();

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_visible (buttons->pdata[i]))
      g_ptr_array_add (shown, buttons->pdata[i]);
  return shown;
}

static void
test_week (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *view = kefu_callback_week_view_new ();
  KefuCallbackWeekView *week = KEFU_CALLBACK_WEEK_VIEW (view);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+08:00");
  g_autoptr(KefuCallbackRules) rules = kefu_callback_rules_new (tz);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open = g_simple_action_new ("open", G_VARIANT_TYPE_INT64);
  g_autoptr(GPtrArray) callbacks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 24, 11, 0, 0);
  g_autoptr(GError) error = NULL;
  GDate day = make_day (2026, 11, 24);
  GDate first, last, selected;
  guint n_selected = 0, n_ranges = 0;
  gint64 opened = 0;

  g_assert_true (kefu_callback_rules_set (rules, "office.hours", "09:00-21:00", &error));
  g_assert_no_error (error);
  g_signal_connect (open, "activate", G_CALLBACK (open_cb), &opened);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open));
  gtk_widget_insert_action_group (GTK_WIDGET (window), "callbacks", G_ACTION_GROUP (group));

  /* The application's style sheet (AdwApplication loads it; this test has no application),
   * so that a picture shows the shading. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/kefu/Kefu/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  gtk_window_set_default_size (window, 1100, 800);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  kefu_callback_week_view_set_rules (week, rules);
  /* Away from the clock's week first, so that the counts below do not depend on today. */
  day = make_day (2026, 1, 5);
  kefu_callback_week_view_select_day (week, &day);
  day = make_day (2026, 11, 24);
  g_signal_connect (view, "day-selected", G_CALLBACK (count_cb), &n_selected);
  g_signal_connect (view, "range-changed", G_CALLBACK (count_cb), &n_ranges);

  /* Tuesday 24 November 2026: the week from Monday 23 to Sunday 29. */
  kefu_callback_week_view_select_day (week, &day);
  kefu_callback_week_view_get_range (week, &first, &last);
  g_assert_cmpuint (g_date_get_day (&first), ==, 23);
  g_assert_cmpuint (g_date_get_weekday (&first), ==, G_DATE_MONDAY);
  g_assert_cmpuint (g_date_get_day (&last), ==, 29);
  kefu_callback_week_view_get_selected (week, &selected);
  g_assert_cmpint (g_date_compare (&selected, &day), ==, 0);
  g_assert_cmpuint (n_selected, ==, 1);
  g_assert_cmpuint (n_ranges, ==, 1);

  /* Office hours 09:00–21:00: 24 half hours a day. The default quiet hours (12:00–14:00,
   * 20:30–09:00) are shaded; 09:00, 11:30 and 14:00 are not. */
  cells = find_cells (view, "kefu-week-cell");
  g_assert_cmpuint (cells->len, ==, 7 * N_ROWS);
  g_assert_false (gtk_widget_has_css_class (cell_at (cells, 1, 9, 0), "kefu-week-quiet"));
  g_assert_false (gtk_widget_has_css_class (cell_at (cells, 1, 11, 30), "kefu-week-quiet"));
  g_assert_true (gtk_widget_has_css_class (cell_at (cells, 1, 12, 0), "kefu-week-quiet"));
  g_assert_true (gtk_widget_has_css_class (cell_at (cells, 1, 13, 30), "kefu-week-quiet"));
  g_assert_false (gtk_widget_has_css_class (cell_at (cells, 1, 14, 0), "kefu-week-quiet"));
  g_assert_false (gtk_widget_has_css_class (cell_at (cells, 1, 20, 0), "kefu-week-quiet"));
  g_assert_true (gtk_widget_has_css_class (cell_at (cells, 1, 20, 30), "kefu-week-quiet"));
  assert_words (gtk_widget_get_tooltip_text (cell_at (cells, 1, 12, 30)),
                   "Tuesday 12:30 (customers' rest time): no callbacks");
  /* Sunday is not a working day (work.days 1-6 by default): dimmed. */
  g_assert_true (gtk_widget_has_css_class (cell_at (cells, 6, 10, 0), "kefu-week-off"));
  g_assert_false (gtk_widget_has_css_class (cell_at (cells, 5, 10, 0), "kefu-week-off"));

  /* Three callbacks in Tuesday's 10:30 (given out of order, in UTC for one), one in Monday's
   * quiet 12:00, one the week before (not shown). */
  g_ptr_array_add (callbacks, make_callback (tz, 3, "赵六", 24, 10, 50, KEFU_CALLBACK_STATE_DUE));
  g_ptr_array_add (callbacks, make_callback (tz, 1, "王芳", 24, 10, 30, KEFU_CALLBACK_STATE_DUE));
  {
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

    /* 02:40 UTC is 10:40 in the site's zone. */
    g_ptr_array_add (callbacks, make_callback (utc, 2, "李强", 24, 2, 40,
                                               KEFU_CALLBACK_STATE_DONE));
  }
  g_ptr_array_add (callbacks, make_callback (tz, 4, "陈静", 23, 12, 15, KEFU_CALLBACK_STATE_DUE));
  g_ptr_array_add (callbacks, make_callback (tz, 5, "周敏", 17, 10, 30, KEFU_CALLBACK_STATE_DUE));
  g_ptr_array_add (callbacks, make_callback (tz, 6, "吴刚", 25, 16, 0, KEFU_CALLBACK_STATE_DUE));
  kefu_callback_week_view_set_callbacks (week, callbacks, now);

  assert_words (gtk_widget_get_tooltip_text (cell_at (cells, 1, 10, 30)),
                   "Tuesday 10:30: 3 callbacks, 2 overdue, 1 done");
  buttons = visible_buttons (cell_at (cells, 1, 10, 30));
  g_assert_cmpuint (buttons->len, ==, 3);
  /* The two earliest, their state in words, then "+1 more". */
  assert_words (gtk_widget_get_tooltip_text (buttons->pdata[0]), "10:30 王芳, overdue");
  assert_words (gtk_widget_get_tooltip_text (buttons->pdata[1]), "10:40 李强, done");
  g_assert_true (gtk_widget_has_css_class (buttons->pdata[0], "error"));
  g_assert_true (gtk_widget_has_css_class (buttons->pdata[1], "success"));
  assert_words (gtk_button_get_label (buttons->pdata[2]), "+1 more");
  assert_words (gtk_widget_get_tooltip_text (cell_at (cells, 0, 12, 0)),
                   "Monday 12:00 (customers' rest time): 1 callback, 1 overdue");
  assert_words (gtk_widget_get_tooltip_text (cell_at (cells, 2, 16, 0)),
                   "Wednesday 16:00: 1 callback");
  assert_words (gtk_widget_get_tooltip_text (cell_at (cells, 1, 11, 0)),
                   "Tuesday 11:00: no callbacks");
  /* Today (the 24th, from `now`) and the selected day are marked in their headers. */
  {
    g_autoptr(GPtrArray) days = find_cells (view, "kefu-week-day");

    g_assert_cmpuint (days->len, ==, 7);
    assert_words (gtk_button_get_label (days->pdata[1]), "Tue 24");
    g_assert_true (gtk_widget_has_css_class (days->pdata[1], "kefu-week-today"));
    g_assert_true (gtk_widget_has_css_class (days->pdata[1], "kefu-week-selected"));
    g_assert_false (gtk_widget_has_css_class (days->pdata[2], "kefu-week-today"));
  }
  kefu_test_maybe_save_shot (GTK_WIDGET (window), "callback-week-view");

  /* A callback opens through callbacks.open with its id. */
  g_signal_emit_by_name (buttons->pdata[1], "clicked");
  g_assert_cmpint (opened, ==, 2);
  g_signal_emit_by_name (buttons->pdata[0], "clicked");
  g_assert_cmpint (opened, ==, 1);

  /* "+1 more" selects its day (Tuesday) from another day of the week, in the same week. */
  day = make_day (2026, 11, 26);
  kefu_callback_week_view_select_day (week, &day);
  g_assert_cmpuint (n_selected, ==, 2);
  g_signal_emit_by_name (buttons->pdata[2], "clicked");
  kefu_callback_week_view_get_selected (week, &selected);
  g_assert_cmpuint (g_date_get_day (&selected), ==, 24);
  g_assert_cmpuint (n_selected, ==, 3);
  g_assert_cmpuint (n_ranges, ==, 1);

  /* The next week: Monday 30 November, the callbacks gone until read again, the same cells. */
  g_assert_true (gtk_widget_activate_action (view, "week.next", NULL));
  g_assert_cmpuint (n_ranges, ==, 2);
  g_assert_cmpuint (n_selected, ==, 4);
  kefu_callback_week_view_get_range (week, &first, &last);
  g_assert_cmpuint (g_date_get_day (&first), ==, 30);
  g_assert_cmpuint (g_date_get_month (&first), ==, G_DATE_NOVEMBER);
  g_assert_cmpuint (g_date_get_day (&last), ==, 6);
  kefu_callback_week_view_get_selected (week, &selected);
  g_assert_cmpuint (g_date_get_day (&selected), ==, 1);
  g_assert_cmpuint (g_date_get_month (&selected), ==, G_DATE_DECEMBER);
  assert_words (gtk_widget_get_tooltip_text (cell_at (cells, 1, 10, 30)),
                   "Tuesday 10:30: no callbacks");
  g_clear_pointer (&buttons, g_ptr_array_unref);
  buttons = visible_buttons (cell_at (cells, 1, 10, 30));
  g_assert_cmpuint (buttons->len, ==, 0);

  /* Back twice: the week before. */
  g_assert_true (gtk_widget_activate_action (view, "week.previous", NULL));
  g_assert_true (gtk_widget_activate_action (view, "week.previous", NULL));
  g_assert_cmpuint (n_ranges, ==, 4);
  kefu_callback_week_view_get_range (week, &first, NULL);
  g_assert_cmpuint (g_date_get_day (&first), ==, 16);

  /* Other rules: a half hour partly quiet is shaded; shorter hours give fewer rows. */
  {
    g_autoptr(KefuCallbackRules) other = kefu_callback_rules_new (tz);
    g_autoptr(GPtrArray) fewer = NULL;

    g_assert_true (kefu_callback_rules_set (other, "office.hours", "09:00-21:00", &error));
    g_assert_true (kefu_callback_rules_set (other, "callback.quiet-hours", "12:15-13:45",
                                            &error));
    g_assert_no_error (error);
    kefu_callback_week_view_set_rules (week, other);
    g_assert_true (gtk_widget_has_css_class (cell_at (cells, 0, 12, 0), "kefu-week-quiet"));
    g_assert_true (gtk_widget_has_css_class (cell_at (cells, 0, 13, 30), "kefu-week-quiet"));
    g_assert_false (gtk_widget_has_css_class (cell_at (cells, 0, 11, 30), "kefu-week-quiet"));
    g_assert_false (gtk_widget_has_css_class (cell_at (cells, 0, 20, 30), "kefu-week-quiet"));

    kefu_callback_week_view_set_rules (week, rules);
    g_assert_true (kefu_callback_rules_set (rules, "office.hours", "08:30-17:30", &error));
    kefu_callback_week_view_set_rules (week, other);
    kefu_callback_week_view_set_rules (week, rules);
    fewer = find_cells (view, "kefu-week-cell");
    g_assert_cmpuint (fewer->len, ==, 7 * 18);
  }

  gtk_window_destroy (window);
}

/* A team's week (the team view of 1,000,000 callbacks has about 9,000 a week): grouped in one
 * pass into the same cells, every callback counted once. */
static void
test_many (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *view = kefu_callback_week_view_new ();
  KefuCallbackWeekView *week = KEFU_CALLBACK_WEEK_VIEW (view);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+08:00");
  g_autoptr(KefuCallbackRules) rules = kefu_callback_rules_new (tz);
  g_autoptr(GPtrArray) callbacks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 26, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  GDate day = make_day (2026, 11, 24);
  guint n_counted = 0;
  gint64 start, elapsed;

  g_assert_true (kefu_callback_rules_set (rules, "office.hours", "09:00-21:00", &error));
  gtk_window_set_default_size (window, 1100, 800);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  kefu_callback_week_view_set_rules (week, rules);
  kefu_callback_week_view_select_day (week, &day);
  for (guint i = 0; i < 9000; i++)
    g_ptr_array_add (callbacks, make_callback (tz, i + 1, "客户", 23 + i % 7, 9 + (i / 7) % 12,
                                               (i * 7) % 60,
                                               i % 3 == 0 ? KEFU_CALLBACK_STATE_DONE
                                                          : KEFU_CALLBACK_STATE_DUE));
  kefu_test_flush ();

  start = g_get_monotonic_time ();
  kefu_callback_week_view_set_callbacks (week, callbacks, now);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("9,000 callbacks placed in %" G_GINT64_FORMAT " ms", elapsed / 1000);
  /* Grouping and relabelling 168 cells; generous for a shared two-core machine. */
  g_assert_cmpint (elapsed, <, 500 * 1000);

  /* Every callback counted once: the read-out counts add up to 9,000, and the widgets are the
   * 168 cells made for the rows, not one per callback. */
  cells = find_cells (view, "kefu-week-cell");
  g_assert_cmpuint (cells->len, ==, 7 * N_ROWS);
  for (guint i = 0; i < cells->len; i++)
    {
      g_autoptr(GPtrArray) buttons = visible_buttons (cells->pdata[i]);
      const char *tooltip = gtk_widget_get_tooltip_text (cells->pdata[i]);
      const char *colon = strrchr (tooltip, ':');

      g_assert_cmpuint (buttons->len, <=, 3);
      if (g_getenv ("KEFU_TEST_LOCALEDIR") == NULL && colon != NULL && g_ascii_isdigit (colon[2]))
        n_counted += (guint) g_ascii_strtoull (colon + 2, NULL, 10);
    }
  if (g_getenv ("KEFU_TEST_LOCALEDIR") == NULL)
    g_assert_cmpuint (n_counted, ==, 9000);
  kefu_test_maybe_save_shot (GTK_WIDGET (window), "callback-week-view-many");

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;

  kefu_test_choose_language (FALSE);
  data_home = kefu_test_init (&argc, &argv);
  kefu_test_choose_language (TRUE);
  g_test_add_func ("/kefu/callback-week-view/week", test_week);
  g_test_add_func ("/kefu/callback-week-view/many", test_many);
  return kefu_test_run (data_home);
}
