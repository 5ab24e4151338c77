/* test-date-row.c: the shared date row: what it takes as a day or a time, the reason it gives
 * for anything else, what it shows, and the calendar writing the same text a person types.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "widgets/kefu-date-row.h"

#include "kefu-ui-test.h"

static void
assert_day (const GDate *day,
            int          year,
            int          month,
            int          d)
{
  g_assert_true (g_date_valid (day));
  g_assert_cmpint (g_date_get_year (day), ==, year);
  g_assert_cmpint (g_date_get_month (day), ==, month);
  g_assert_cmpint (g_date_get_day (day), ==, d);
}

static void
test_parse (void)
{
  static const char *const days[] = {
    "2026-11-27", " 2026-11-27 ", "2026/11/27", "2026.11.27", "2026年11月27日", "２０２６-１１-２７",
    "2026-1-5",
  };
  GDate day;
  int hour = -1, minute = -1;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_assert_true (kefu_date_row_parse (days[i], FALSE, &day, NULL, NULL, &error));
      g_assert_no_error (error);
      if (i < G_N_ELEMENTS (days) - 1)
        assert_day (&day, 2026, 11, 27);
      else
        assert_day (&day, 2026, 1, 5);
    }

  /* Empty, not a date, a day that does not exist: each its own reason; the day cleared. */
  g_assert_false (kefu_date_row_parse ("  ", FALSE, &day, NULL, NULL, &error));
  g_assert_error (error, KEFU_DATE_ROW_ERROR, KEFU_DATE_ROW_ERROR_EMPTY);
  g_assert_false (g_date_valid (&day));
  g_clear_error (&error);
  g_assert_false (kefu_date_row_parse ("tomorrow", FALSE, &day, NULL, NULL, &error));
  g_assert_error (error, KEFU_DATE_ROW_ERROR, KEFU_DATE_ROW_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
  g_clear_error (&error);
  /* Written as a day but none of the calendar, or not in the order year, month, day: the
   * reason names what was typed or the part that is wrong. */
  g_assert_false (kefu_date_row_parse ("27-11-2026", FALSE, &day, NULL, NULL, &error));
  g_assert_error (error, KEFU_DATE_ROW_ERROR, KEFU_DATE_ROW_ERROR_INVALID_DAY);
  g_assert_nonnull (strstr (error->message, "27-11-2026"));
  g_clear_error (&error);
  g_assert_false (kefu_date_row_parse ("2026-02-30", FALSE, &day, NULL, NULL, &error));
  g_assert_error (error, KEFU_DATE_ROW_ERROR, KEFU_DATE_ROW_ERROR_INVALID_DAY);
  g_assert_nonnull (strstr (error->message, "no day 30"));
  g_assert_false (g_date_valid (&day));
  g_clear_error (&error);
  /* A time where a day is asked for is not a day. */
  g_assert_false (kefu_date_row_parse ("2026-11-27 09:30", FALSE, &day, NULL, NULL, &error));
  g_assert_error (error, KEFU_DATE_ROW_ERROR, KEFU_DATE_ROW_ERROR_FORMAT);
  g_clear_error (&error);

  /* With a time. */
  g_assert_true (kefu_date_row_parse ("2026-11-27 09:05", TRUE, &day, &hour, &minute, &error));
  g_assert_no_error (error);
  assert_day (&day, 2026, 11, 27);
  g_assert_cmpint (hour, ==, 9);
  g_assert_cmpint (minute, ==, 5);
  g_assert_true (kefu_date_row_parse ("2026年11月27日 9:30", TRUE, &day, &hour, &minute, &error));
  g_assert_no_error (error);
  assert_day (&day, 2026, 11, 27);
  g_assert_cmpint (hour, ==, 9);
  g_assert_cmpint (minute, ==, 30);
  g_assert_false (kefu_date_row_parse ("2026-11-27", TRUE, &day, &hour, &minute, &error));
  g_assert_error (error, KEFU_DATE_ROW_ERROR, KEFU_DATE_ROW_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD HH:MM"));
  g_clear_error (&error);
  g_assert_false (kefu_date_row_parse ("2026-11-27 25:10", TRUE, &day, &hour, &minute, &error));
  g_assert_error (error, KEFU_DATE_ROW_ERROR, KEFU_DATE_ROW_ERROR_NO_SUCH_TIME);
  g_assert_nonnull (strstr (error->message, "25:10"));
  g_clear_error (&error);
}

static GtkWidget *
show_in_window (GtkWidget **window,
                GtkWidget  *row)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 420, 420);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_widget_set_margin_top (list, 12);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_window_set_child (GTK_WINDOW (*window), list);
  gtk_window_present (GTK_WINDOW (*window));
  kefu_test_flush ();
  return row;
}

/* The first descendant of `widget` of `type`. */
static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_child (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_day_row (void)
{
  GtkWidget *window = NULL;
  KefuDateRow *row = KEFU_DATE_ROW (show_in_window (&window, kefu_date_row_new (FALSE)));
  GtkMenuButton *button = GTK_MENU_BUTTON (find_child (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON));
  GtkCalendar *calendar;
  g_autoptr(GDateTime) picked = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Production Date");
  g_assert_true (kefu_date_row_is_empty (row));
  g_assert_false (kefu_date_row_get_day (row, &day, &error));
  g_assert_error (error, KEFU_DATE_ROW_ERROR, KEFU_DATE_ROW_ERROR_EMPTY);
  g_clear_error (&error);
  kefu_test_maybe_save_shot (window, "date-row-empty");

  /* Typed. */
  gtk_editable_set_text (GTK_EDITABLE (row), "2026/3/9");
  g_assert_true (kefu_date_row_get_day (row, &day, &error));
  g_assert_no_error (error);
  assert_day (&day, 2026, 3, 9);

  /* Shown as the store's days are written. */
  g_date_set_dmy (&day, 1, 10, 2026);
  kefu_date_row_set_day (row, &day);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-10-01");
  kefu_date_row_set_day (row, NULL);
  g_assert_true (kefu_date_row_is_empty (row));

  /* Picked: the calendar opens on the typed day and writes the text it picks. */
  g_assert_nonnull (button);
  gtk_editable_set_text (GTK_EDITABLE (row), "2026-10-01");
  gtk_menu_button_popup (button);
  kefu_test_flush ();
  calendar = GTK_CALENDAR (find_child (GTK_WIDGET (gtk_menu_button_get_popover (button)),
                                       GTK_TYPE_CALENDAR));
  g_assert_nonnull (calendar);
  g_assert_cmpint (gtk_calendar_get_year (calendar), ==, 2026);
  g_assert_cmpint (gtk_calendar_get_month (calendar), ==, 9);
  g_assert_cmpint (gtk_calendar_get_day (calendar), ==, 1);
  kefu_test_maybe_save_shot (window, "date-row-calendar");
  picked = g_date_time_new_local (2026, 10, 15, 0, 0, 0);
  gtk_calendar_select_day (calendar, picked);
  kefu_test_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-10-15");
  /* A day is all it needs: the calendar closes. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_time_row (void)
{
  GtkWidget *window = NULL;
  KefuDateRow *row = KEFU_DATE_ROW (show_in_window (&window, kefu_date_row_new (TRUE)));
  GtkMenuButton *button = GTK_MENU_BUTTON (find_child (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON));
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  GtkCalendar *calendar = GTK_CALENDAR (find_child (popover, GTK_TYPE_CALENDAR));
  GtkSpinButton *hour = GTK_SPIN_BUTTON (find_child (popover, GTK_TYPE_SPIN_BUTTON));
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) picked = NULL;
  g_autoptr(GError) error = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Departed At");
  g_assert_true (kefu_date_row_get_with_time (row));

  gtk_editable_set_text (GTK_EDITABLE (row), "2026-11-27 08:45");
  time = kefu_date_row_get_date_time (row, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_hour (time), ==, 8);
  g_assert_cmpint (g_date_time_get_minute (time), ==, 45);
  g_clear_pointer (&time, g_date_time_unref);

  gtk_editable_set_text (GTK_EDITABLE (row), "2026-11-27");
  g_assert_null (kefu_date_row_get_date_time (row, &error));
  g_assert_error (error, KEFU_DATE_ROW_ERROR, KEFU_DATE_ROW_ERROR_FORMAT);
  g_clear_error (&error);

  /* Shown in local time, whatever zone it comes in. */
  {
    g_autoptr(GDateTime) local = g_date_time_new_local (2026, 11, 20, 14, 5, 0);
    g_autoptr(GDateTime) utc = g_date_time_to_utc (local);

    kefu_date_row_set_date_time (row, utc);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-11-20 14:05");
  }

  /* The day from the calendar keeps the time; the hour from its spin button keeps the day; the
   * popover stays open for both. */
  gtk_menu_button_popup (button);
  kefu_test_flush ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (hour), ==, 14);
  picked = g_date_time_new_local (2026, 11, 23, 0, 0, 0);
  gtk_calendar_select_day (calendar, picked);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-11-23 14:05");
  gtk_spin_button_set_value (hour, 9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-11-23 09:05");
  kefu_test_flush ();
  g_assert_true (gtk_widget_get_visible (popover));
  kefu_test_maybe_save_shot (window, "date-row-time");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  char *data_home;

  kefu_test_choose_language (FALSE);
  data_home = kefu_test_init (&argc, &argv);
  kefu_test_choose_language (TRUE);

  g_test_add_func ("/kefu/date-row/parse", test_parse);
  g_test_add_func ("/kefu/date-row/day", test_day_row);
  g_test_add_func ("/kefu/date-row/time", test_time_row);
  return kefu_test_run (data_home);
}
