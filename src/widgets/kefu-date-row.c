/* kefu-date-row.c: a form row for a day, or a day and a time of day, typed or picked.
 *
 * The row stays an AdwEntryRow so that typing, the keyboard, GtkEditable readers and the forms'
 * "error" marking work as on any other row; the calendar button only writes the text, so a
 * typed and a picked date go through the same check and the same reason.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-date-row"

#include "config.h"

#include "kefu-date-row.h"

#include "core/kefu-call-rules.h"

#include <glib/gi18n.h>
#include <string.h>

struct _KefuDateRow
{
  AdwEntryRow     parent_instance;

  GtkLabel       *hint_label;
  GtkMenuButton  *calendar_button;
  GtkPopover     *popover;
  GtkCalendar    *calendar;
  GtkWidget      *time_box;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;

  gboolean        with_time;
  /* Set while the popover is filled from the text, so that filling it does not write back. */
  gboolean        syncing;
};

G_DEFINE_FINAL_TYPE (KefuDateRow, kefu_date_row, ADW_TYPE_ENTRY_ROW)

G_DEFINE_QUARK (kefu-date-row-error-quark, kefu_date_row_error)

enum
{
  PROP_0,
  PROP_WITH_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Today in the example of a reason, so that it reads as a date the person can copy. */
static char *
example_text (gboolean with_time)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, with_time ? "%Y-%m-%d 09:30" : "%Y-%m-%d");
}

/* TRUE when `text` is written only with what a date is written with (digits, spaces and the
 * separators kefu_date_parse () takes), so that a refusal is about its values, not its form. */
static gboolean
shaped_like_a_day (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isdigit (c) && !g_unichar_isspace (c) &&
          g_utf8_strchr ("-/.年月日号", -1, c) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* "09:30" or "9:30" into its hour and minute; FALSE when it is no time of day. */
static gboolean
parse_time_of_day (const char *text,
                   int        *hour,
                   int        *minute)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint64 values[2];

  if (g_strv_length (parts) != 2)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      gsize length = strlen (parts[i]);

      if (length < 1 || length > 2 || !g_ascii_isdigit (parts[i][0]) ||
          (length == 2 && !g_ascii_isdigit (parts[i][1])))
        return FALSE;
      values[i] = g_ascii_strtoull (parts[i], NULL, 10);
    }
  *hour = (int) values[0];
  *minute = (int) values[1];
  return TRUE;
}

static gboolean
set_format_error (GError   **error,
                  gboolean   with_time)
{
  g_autofree char *example = example_text (with_time);

  if (with_time)
    g_set_error (error, KEFU_DATE_ROW_ERROR, KEFU_DATE_ROW_ERROR_FORMAT,
                 /* Translators: %s is an example, today at 09:30. */
                 _("Type the day and the time as YYYY-MM-DD HH:MM, e.g. %s, or pick the day from the calendar."),
                 example);
  else
    g_set_error (error, KEFU_DATE_ROW_ERROR, KEFU_DATE_ROW_ERROR_FORMAT,
                 /* Translators: %s is an example, today. */
                 _("Type the day as YYYY-MM-DD, e.g. %s, or pick it from the calendar."),
                 example);
  return FALSE;
}

/* The day is read by kefu_date_parse (), as every typed date of the forms is (2026-11-27,
 * 2026/11/27, 2026年11月27日, full-width digits); the time of day, when asked for, follows it
 * after a space. */
gboolean
kefu_date_row_parse (const char  *text,
                     gboolean     with_time,
                     GDate       *day,
                     int         *hour,
                     int         *minute,
                     GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GError) day_error = NULL;
  char *day_text = stripped;
  int h = 0, m = 0;

  g_return_val_if_fail (day != NULL, FALSE);

  g_date_clear (day, 1);
  if (*stripped == '\0')
    {
      g_set_error_literal (error, KEFU_DATE_ROW_ERROR, KEFU_DATE_ROW_ERROR_EMPTY,
                           with_time ? _("Enter the day and the time, or pick the day from the calendar.")
                                     : _("Enter the day, or pick it from the calendar."));
      return FALSE;
    }

  if (with_time)
    {
      char *space = strrchr (stripped, ' ');

      if (space == NULL || !parse_time_of_day (space + 1, &h, &m))
        return set_format_error (error, with_time);
      *space = '\0';
      g_strchomp (stripped);
    }

  if (!kefu_date_parse (day_text, day, &day_error))
    {
      g_date_clear (day, 1);
      if (!shaped_like_a_day (day_text))
        return set_format_error (error, with_time);
      /* Written as a day, but no day of the calendar: its own words say which part is wrong. */
      g_set_error_literal (error, KEFU_DATE_ROW_ERROR, KEFU_DATE_ROW_ERROR_INVALID_DAY,
                           day_error->message);
      return FALSE;
    }

  if (h > 23 || m > 59)
    {
      g_date_clear (day, 1);
      g_set_error (error, KEFU_DATE_ROW_ERROR, KEFU_DATE_ROW_ERROR_NO_SUCH_TIME,
                   /* Translators: the time as typed, e.g. "25:10". */
                   _("There is no time %02d:%02d: hours go from 00 to 23, minutes from 00 to 59."),
                   h, m);
      return FALSE;
    }

  if (hour != NULL)
    *hour = h;
  if (minute != NULL)
    *minute = m;
  return TRUE;
}

static void
update_hint (KefuDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));

  /* The format shows like a placeholder, while nothing is typed. */
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), text == NULL || *text == '\0');
}

static void
write_text (KefuDateRow *self,
            const GDate *day,
            int          hour,
            int          minute)
{
  g_autofree char *text = NULL;

  if (self->with_time)
    text = g_strdup_printf ("%04d-%02d-%02d %02d:%02d", g_date_get_year (day),
                            g_date_get_month (day), g_date_get_day (day), hour, minute);
  else
    text = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (day), g_date_get_month (day),
                            g_date_get_day (day));
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
}

/* Fills the calendar and the time from the text, or today and now when it is not a date yet. */
static void
popover_show_cb (KefuDateRow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) shown = NULL;
  GDate day;
  int hour = 0, minute = 0;

  if (kefu_date_row_parse (gtk_editable_get_text (GTK_EDITABLE (self)), self->with_time, &day,
                           &hour, &minute, NULL))
    shown = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                   g_date_get_day (&day), hour, minute, 0);
  else
    shown = g_date_time_ref (now);

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (shown));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (shown));
  self->syncing = FALSE;
}

static void
picked_cb (KefuDateRow *self)
{
  g_autoptr(GDateTime) picked = NULL;
  GDate day;

  if (self->syncing)
    return;
  picked = gtk_calendar_get_date (self->calendar);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  write_text (self, &day, gtk_spin_button_get_value_as_int (self->hour_spin),
              gtk_spin_button_get_value_as_int (self->minute_spin));
  /* A day is all a day row needs; a time row stays open for the time. */
  if (!self->with_time)
    gtk_popover_popdown (self->popover);
}

static gboolean
two_digits_cb (GtkSpinButton *spin,
               gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
update_format (KefuDateRow *self)
{
  /* Translators: the format a typed date takes, shown in an empty date field (年-月-日). */
  const char *format = self->with_time ? _("YYYY-MM-DD HH:MM") : _("YYYY-MM-DD");
  g_autofree char *description = NULL;

  gtk_label_set_label (self->hint_label, format);
  gtk_widget_set_visible (self->time_box, self->with_time);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->calendar_button),
                               self->with_time ? _("Pick the Day and the Time")
                                               : _("Pick the Day from a Calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->with_time ? _("Pick the Day and the Time")
                                                  : _("Pick the Day from a Calendar"), -1);
  /* Translators: said by screen readers for a date field; %s is the format. */
  description = g_strdup_printf (_("Type it as %s or pick it with the calendar button."), format);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

static void
kefu_date_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KefuDateRow *self = KEFU_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_WITH_TIME:
      g_value_set_boolean (value, self->with_time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_date_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KefuDateRow *self = KEFU_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_WITH_TIME:
      kefu_date_row_set_with_time (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_date_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KEFU_TYPE_DATE_ROW);
  G_OBJECT_CLASS (kefu_date_row_parent_class)->dispose (object);
}

static void
kefu_date_row_class_init (KefuDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kefu_date_row_get_property;
  object_class->set_property = kefu_date_row_set_property;
  object_class->dispose = kefu_date_row_dispose;

  properties[PROP_WITH_TIME] =
    g_param_spec_boolean ("with-time", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuDateRow, hint_label);
  gtk_widget_class_bind_template_child (widget_class, KefuDateRow, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, KefuDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, KefuDateRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, KefuDateRow, time_box);
  gtk_widget_class_bind_template_child (widget_class, KefuDateRow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, KefuDateRow, minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_cb);
}

static void
kefu_date_row_init (KefuDateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "changed", G_CALLBACK (update_hint), NULL);
  update_format (self);
  update_hint (self);
}

GtkWidget *
kefu_date_row_new (gboolean with_time)
{
  return g_object_new (KEFU_TYPE_DATE_ROW, "with-time", with_time, NULL);
}

gboolean
kefu_date_row_get_with_time (KefuDateRow *self)
{
  g_return_val_if_fail (KEFU_IS_DATE_ROW (self), FALSE);
  return self->with_time;
}

void
kefu_date_row_set_with_time (KefuDateRow *self,
                             gboolean     with_time)
{
  g_return_if_fail (KEFU_IS_DATE_ROW (self));

  with_time = !!with_time;
  if (self->with_time == with_time)
    return;
  self->with_time = with_time;
  update_format (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITH_TIME]);
}

gboolean
kefu_date_row_is_empty (KefuDateRow *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (KEFU_IS_DATE_ROW (self), TRUE);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  return *text == '\0';
}

gboolean
kefu_date_row_get_day (KefuDateRow  *self,
                       GDate        *day,
                       GError      **error)
{
  g_return_val_if_fail (KEFU_IS_DATE_ROW (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);
  return kefu_date_row_parse (gtk_editable_get_text (GTK_EDITABLE (self)), self->with_time, day,
                              NULL, NULL, error);
}

void
kefu_date_row_set_day (KefuDateRow *self,
                       const GDate *day)
{
  g_return_if_fail (KEFU_IS_DATE_ROW (self));

  if (day == NULL || !g_date_valid (day))
    gtk_editable_set_text (GTK_EDITABLE (self), "");
  else
    write_text (self, day, 0, 0);
}

GDateTime *
kefu_date_row_get_date_time (KefuDateRow  *self,
                             GError      **error)
{
  GDate day;
  int hour = 0, minute = 0;

  g_return_val_if_fail (KEFU_IS_DATE_ROW (self), NULL);

  if (!kefu_date_row_parse (gtk_editable_get_text (GTK_EDITABLE (self)), self->with_time, &day,
                            &hour, &minute, error))
    return NULL;
  return g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                g_date_get_day (&day), hour, minute, 0);
}

void
kefu_date_row_set_date_time (KefuDateRow *self,
                             GDateTime   *time)
{
  g_autoptr(GDateTime) local = NULL;
  GDate day;

  g_return_if_fail (KEFU_IS_DATE_ROW (self));

  if (time == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self), "");
      return;
    }
  local = g_date_time_to_local (time);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  write_text (self, &day, g_date_time_get_hour (local), g_date_time_get_minute (local));
}
