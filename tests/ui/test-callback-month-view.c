/* test-callback-month-view.c: the callback calendar's month: six weeks from a Monday, the
 * counts of each day in words (and read out), a day chosen, months turned.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-callback-month-view"

#include "config.h"

#include "callbacks/kefu-callback-month-view.h"
#include "store/kefu-store-callbacks.h"

#include "kefu-ui-test.h"

static void
count_cb (GObject *object,
          guint   *count)
{
  (*count)++;
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

/* The buttons of the days, in order. */
static GPtrArray *
day_buttons (GtkWidget *view)
{
  g_autoptr(GPtrArray) buttons = kefu_test_find_all (view, GTK_TYPE_BUTTON);
  GPtrArray *days = g_ptr_array_new ();

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_has_css_class (buttons->pdata[i], "kefu-month-day"))
      g_ptr_array_add (days, buttons->pdata[i]);
  return days;
}

/* The words a day's button shows, its number first. */
static char *
button_text (GtkWidget *button)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (button, GTK_TYPE_LABEL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_visible (labels->pdata[i]))
      g_string_append_printf (text, "%s%s", text->len > 0 ? "|" : "",
                              gtk_label_get_label (labels->pdata[i]));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_month (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *view = kefu_callback_month_view_new ();
  KefuCallbackMonthView *month = KEFU_CALLBACK_MONTH_VIEW (view);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (KefuCallbackDayCount));
  g_autoptr(GPtrArray) days = NULL;
  GDate day = make_day (2026, 11, 24);
  GDate first, last, selected;
  KefuCallbackDayCount count = { 0 };
  guint n_selected = 0, n_ranges = 0;
  g_autofree char *text = NULL;
  g_autofree char *empty = NULL;

  gtk_window_set_default_size (window, 900, 600);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  g_signal_connect (view, "day-selected", G_CALLBACK (count_cb), &n_selected);
  g_signal_connect (view, "range-changed", G_CALLBACK (count_cb), &n_ranges);

  /* November 2026 starts on a Sunday: the first week shown starts on Monday 26 October. */
  kefu_callback_month_view_select_day (month, &day);
  kefu_callback_month_view_get_range (month, &first, &last);
  g_assert_cmpuint (g_date_get_day (&first), ==, 26);
  g_assert_cmpuint (g_date_get_month (&first), ==, G_DATE_OCTOBER);
  g_assert_cmpuint (g_date_get_weekday (&first), ==, G_DATE_MONDAY);
  g_assert_cmpuint (g_date_days_between (&first, &last), ==, 41);
  kefu_callback_month_view_get_selected (month, &selected);
  g_assert_cmpint (g_date_compare (&selected, &day), ==, 0);
  g_assert_cmpuint (n_selected, ==, 1);

  /* The 24th (the 30th cell: 26 Oct + 29 days) shows its counts in words. */
  count.day = day;
  count.done = 3;
  count.due = 2;
  count.overdue = 1;
  g_array_append_val (counts, count);
  kefu_callback_month_view_set_counts (month, counts);
  days = day_buttons (view);
  g_assert_cmpuint (days->len, ==, 42);
  text = button_text (days->pdata[29]);
  g_assert_cmpstr (text, ==, "24|3|2|1");
  /* In words for the tooltip and a screen reader. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (days->pdata[29]), ==,
                   "November 24: 3 done, 2 due, 1 overdue");
  /* A day without callbacks shows its number alone. */
  empty = button_text (days->pdata[30]);
  g_assert_cmpstr (empty, ==, "25");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (days->pdata[30]), ==,
                   "November 25: no callbacks");
  g_assert_true (gtk_widget_has_css_class (days->pdata[29], "kefu-month-selected"));
  g_assert_true (gtk_widget_has_css_class (days->pdata[0], "kefu-month-other"));

  /* Clicking the 25th selects it, in the same month. */
  g_signal_emit_by_name (days->pdata[30], "clicked");
  kefu_callback_month_view_get_selected (month, &selected);
  g_assert_cmpuint (g_date_get_day (&selected), ==, 25);
  g_assert_cmpuint (n_selected, ==, 2);
  g_assert_cmpuint (n_ranges, ==, 0);

  /* The next month: December's weeks, the counts gone until read again. */
  g_assert_true (gtk_widget_activate_action (view, "month.next", NULL));
  kefu_callback_month_view_get_selected (month, &selected);
  g_assert_cmpuint (g_date_get_month (&selected), ==, G_DATE_DECEMBER);
  g_assert_cmpuint (g_date_get_day (&selected), ==, 25);
  g_assert_cmpuint (n_ranges, ==, 1);
  kefu_callback_month_view_get_range (month, &first, NULL);
  g_assert_cmpuint (g_date_get_day (&first), ==, 30);
  g_assert_cmpuint (g_date_get_month (&first), ==, G_DATE_NOVEMBER);
  g_clear_pointer (&text, g_free);
  text = button_text (days->pdata[24]);
  g_assert_cmpstr (text, ==, "24");

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home = kefu_test_init (&argc, &argv);

  g_test_add_func ("/kefu/callback-month-view/month", test_month);
  return kefu_test_run (data_home);
}
