/* kefu-callback-month-view.c: six weeks of days with their callback counts.
 *
 * The 42 day buttons are made once and relabelled when the month or the counts change: a
 * month turned over keeps its widgets (and the keyboard focus on the same weekday and week).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callback-month-view"

#include "config.h"

#include <glib/gi18n.h>

#include "store/kefu-store-callbacks.h"

#include "kefu-callback-month-view.h"

#define N_WEEKS 6
#define N_CELLS (N_WEEKS * 7)

/* A count is an icon and a number (the words are the day's tooltip and accessible label):
 * "1011 done" does not fit a day of a narrow month. */
typedef struct
{
  GtkWidget *box;
  GtkWidget *label;
} Count;

typedef struct
{
  GtkWidget *button;
  GtkWidget *number;
  Count      done;
  Count      due;
  Count      overdue;
} DayCell;

struct _KefuCallbackMonthView
{
  GtkWidget  parent_instance;

  GtkLabel  *title;
  GtkGrid   *grid;

  GDate      first;      /* the Monday of the first week shown */
  GDate      month;      /* the first day of the month shown */
  GDate      selected;
  GDate      today;
  GArray    *counts;     /* KefuCallbackDayCount, of the days shown */
  DayCell    cells[N_CELLS];
};

G_DEFINE_FINAL_TYPE (KefuCallbackMonthView, kefu_callback_month_view, GTK_TYPE_WIDGET)

enum {
  DAY_SELECTED,
  RANGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const KefuCallbackDayCount *
find_count (KefuCallbackMonthView *self,
            const GDate           *day)
{
  if (self->counts == NULL)
    return NULL;
  for (guint i = 0; i < self->counts->len; i++)
    {
      const KefuCallbackDayCount *count = &g_array_index (self->counts, KefuCallbackDayCount, i);

      if (g_date_valid (&count->day) && g_date_compare (&count->day, day) == 0)
        return count;
    }
  return NULL;
}

static void
set_count (Count *count,
           guint  n)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", n);
  gtk_label_set_label (GTK_LABEL (count->label), text);
  gtk_widget_set_visible (count->box, n > 0);
}

static void
refresh_cell (KefuCallbackMonthView *self,
              guint                  i)
{
  DayCell *cell = &self->cells[i];
  const KefuCallbackDayCount *count;
  GDate day = self->first;
  char number[8];
  char date_text[64];
  g_autofree char *done = NULL;
  g_autofree char *due = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *accessible = NULL;
  guint n_done, n_due, n_overdue;
  gboolean other_month;

  g_date_add_days (&day, i);
  count = find_count (self, &day);
  n_done = count != NULL ? count->done : 0;
  n_due = count != NULL ? count->due : 0;
  n_overdue = count != NULL ? count->overdue : 0;
  other_month = g_date_get_month (&day) != g_date_get_month (&self->month);

  g_snprintf (number, sizeof number, "%u", g_date_get_day (&day));
  gtk_label_set_label (GTK_LABEL (cell->number), number);

  /* Translators: callbacks of a day in the month view, "3 done"; keep it short. */
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u done", "%u done", n_done), n_done);
  /* Translators: callbacks of a day still to make, in the month view: "2 due". */
  due = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u due", "%u due", n_due), n_due);
  /* Translators: callbacks of a day not made in time, in the month view: "1 overdue". */
  overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", n_overdue),
                             n_overdue);
  set_count (&cell->done, n_done);
  set_count (&cell->due, n_due);
  set_count (&cell->overdue, n_overdue);

  /* Translators: a day of the month view as a screen reader says it, before its counts. */
  /* xgettext:no-c-format */
  g_date_strftime (date_text, sizeof date_text, C_("month view day", "%B %-d"), &day);
  if (n_done + n_due + n_overdue == 0)
    /* Translators: a day without callbacks, read out: "November 24: no callbacks". */
    accessible = g_strdup_printf (_("%s: no callbacks"), date_text);
  else
    /* Translators: a day read out: "November 24: 3 done, 2 due, 1 overdue". */
    accessible = g_strdup_printf (_("%s: %s, %s, %s"), date_text, done, due, overdue);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (cell->button, accessible);

  if (other_month)
    gtk_widget_add_css_class (cell->button, "kefu-month-other");
  else
    gtk_widget_remove_css_class (cell->button, "kefu-month-other");
  if (g_date_valid (&self->today) && g_date_compare (&day, &self->today) == 0)
    gtk_widget_add_css_class (cell->button, "kefu-month-today");
  else
    gtk_widget_remove_css_class (cell->button, "kefu-month-today");
  if (g_date_valid (&self->selected) && g_date_compare (&day, &self->selected) == 0)
    {
      gtk_widget_add_css_class (cell->button, "kefu-month-selected");
      gtk_accessible_update_state (GTK_ACCESSIBLE (cell->button),
                                   GTK_ACCESSIBLE_STATE_SELECTED, TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (cell->button, "kefu-month-selected");
      gtk_accessible_update_state (GTK_ACCESSIBLE (cell->button),
                                   GTK_ACCESSIBLE_STATE_SELECTED, FALSE, -1);
    }
}

static void
refresh (KefuCallbackMonthView *self)
{
  char title[64];

  /* Translators: the month view's title, "November 2026" (strftime format). */
  /* xgettext:no-c-format */
  g_date_strftime (title, sizeof title, C_("month view title", "%B %Y"), &self->month);
  gtk_label_set_label (self->title, title);
  for (guint i = 0; i < N_CELLS; i++)
    refresh_cell (self, i);
}

/* Shows the month holding `day`; TRUE when that is another month than shown. */
static gboolean
show_month_of (KefuCallbackMonthView *self,
               const GDate           *day)
{
  GDate month;

  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, g_date_get_month (day), g_date_get_year (day));
  if (g_date_valid (&self->month) && g_date_compare (&month, &self->month) == 0)
    return FALSE;

  self->month = month;
  self->first = month;
  /* Weeks start on Monday (G_DATE_MONDAY is 1). */
  g_date_subtract_days (&self->first, g_date_get_weekday (&month) - G_DATE_MONDAY);
  g_clear_pointer (&self->counts, g_array_unref);
  return TRUE;
}

void
kefu_callback_month_view_select_day (KefuCallbackMonthView *self,
                                     const GDate           *day)
{
  gboolean moved;

  g_return_if_fail (KEFU_IS_CALLBACK_MONTH_VIEW (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  if (g_date_valid (&self->selected) && g_date_compare (&self->selected, day) == 0)
    return;
  self->selected = *day;
  moved = show_month_of (self, day);
  refresh (self);
  if (moved)
    g_signal_emit (self, signals[RANGE_CHANGED], 0);
  g_signal_emit (self, signals[DAY_SELECTED], 0);
}

void
kefu_callback_month_view_get_selected (KefuCallbackMonthView *self,
                                       GDate                 *day)
{
  g_return_if_fail (KEFU_IS_CALLBACK_MONTH_VIEW (self));
  g_return_if_fail (day != NULL);

  *day = self->selected;
}

void
kefu_callback_month_view_get_range (KefuCallbackMonthView *self,
                                    GDate                 *first,
                                    GDate                 *last)
{
  g_return_if_fail (KEFU_IS_CALLBACK_MONTH_VIEW (self));

  if (first != NULL)
    *first = self->first;
  if (last != NULL)
    {
      *last = self->first;
      g_date_add_days (last, N_CELLS - 1);
    }
}

void
kefu_callback_month_view_set_counts (KefuCallbackMonthView *self,
                                     GArray                *counts)
{
  g_return_if_fail (KEFU_IS_CALLBACK_MONTH_VIEW (self));

  g_clear_pointer (&self->counts, g_array_unref);
  if (counts != NULL)
    self->counts = g_array_ref (counts);
  for (guint i = 0; i < N_CELLS; i++)
    refresh_cell (self, i);
}

void
kefu_callback_month_view_set_today (KefuCallbackMonthView *self,
                                    const GDate           *today)
{
  g_return_if_fail (KEFU_IS_CALLBACK_MONTH_VIEW (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  for (guint i = 0; i < N_CELLS; i++)
    refresh_cell (self, i);
}

static void
day_clicked_cb (GtkButton             *button,
                KefuCallbackMonthView *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kefu-cell"));
  GDate day = self->first;

  g_date_add_days (&day, i);
  kefu_callback_month_view_select_day (self, &day);
}

static void
turn_month (KefuCallbackMonthView *self,
            int                    months)
{
  GDate day = g_date_valid (&self->selected) ? self->selected : self->month;

  if (months > 0)
    g_date_add_months (&day, months);
  else
    g_date_subtract_months (&day, -months);
  kefu_callback_month_view_select_day (self, &day);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  turn_month (KEFU_CALLBACK_MONTH_VIEW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  turn_month (KEFU_CALLBACK_MONTH_VIEW (widget), 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KefuCallbackMonthView *self = KEFU_CALLBACK_MONTH_VIEW (widget);

  if (g_date_valid (&self->today))
    kefu_callback_month_view_select_day (self, &self->today);
}

static void
build_cells (KefuCallbackMonthView *self)
{
  GDate monday;

  /* The weekday names, from a known Monday (2024-01-01). */
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 1, G_DATE_JANUARY, 2024);
  for (guint column = 0; column < 7; column++)
    {
      char name[32];
      GtkWidget *label;

      /* Translators: a weekday's short name over the month view's columns (strftime). */
      /* xgettext:no-c-format */
      g_date_strftime (name, sizeof name, C_("month view weekday", "%a"), &monday);
      label = gtk_label_new (name);
      gtk_widget_add_css_class (label, "kefu-month-weekday");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->grid, label, column, 0, 1, 1);
      g_date_add_days (&monday, 1);
    }

  for (guint i = 0; i < N_CELLS; i++)
    {
      DayCell *cell = &self->cells[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      cell->number = gtk_label_new (NULL);
      gtk_widget_set_halign (cell->number, GTK_ALIGN_START);
      gtk_widget_add_css_class (cell->number, "kefu-month-number");
      gtk_widget_add_css_class (cell->number, "numeric");
      gtk_box_append (GTK_BOX (box), cell->number);
      {
        Count *counts[] = { &cell->done, &cell->due, &cell->overdue };
        /* A check for done, a clock for due, a warning for late: shape and colour. */
        const char *icons[] = { "object-select-symbolic", "alarm-symbolic",
                                "dialog-warning-symbolic" };
        const char *styles[] = { "success", "accent", "error" };

        for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
          {
            counts[c]->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
            counts[c]->label = gtk_label_new (NULL);
            gtk_widget_add_css_class (counts[c]->label, "numeric");
            gtk_box_append (GTK_BOX (counts[c]->box), gtk_image_new_from_icon_name (icons[c]));
            gtk_box_append (GTK_BOX (counts[c]->box), counts[c]->label);
            gtk_widget_add_css_class (counts[c]->box, styles[c]);
            gtk_widget_add_css_class (counts[c]->box, "kefu-month-count");
            gtk_widget_set_halign (counts[c]->box, GTK_ALIGN_START);
            gtk_box_append (GTK_BOX (box), counts[c]->box);
          }
      }

      cell->button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (cell->button), box);
      gtk_widget_add_css_class (cell->button, "flat");
      gtk_widget_add_css_class (cell->button, "kefu-month-day");
      gtk_widget_set_hexpand (cell->button, TRUE);
      gtk_widget_set_vexpand (cell->button, TRUE);
      g_object_set_data (G_OBJECT (cell->button), "kefu-cell", GUINT_TO_POINTER (i));
      g_signal_connect (cell->button, "clicked", G_CALLBACK (day_clicked_cb), self);
      gtk_grid_attach (self->grid, cell->button, i % 7, 1 + i / 7, 1, 1);
    }
}

static void
kefu_callback_month_view_dispose (GObject *object)
{
  KefuCallbackMonthView *self = KEFU_CALLBACK_MONTH_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CALLBACK_MONTH_VIEW);
  /* The template's box is the only child; its children go with it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->counts, g_array_unref);

  G_OBJECT_CLASS (kefu_callback_month_view_parent_class)->dispose (object);
}

static void
kefu_callback_month_view_class_init (KefuCallbackMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_callback_month_view_dispose;

  /* The selected day changed (kefu_callback_month_view_get_selected ()). */
  signals[DAY_SELECTED] = g_signal_new ("day-selected", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
  /* Another month is shown: its counts are to be read (kefu_callback_month_view_get_range ()). */
  signals[RANGE_CHANGED] = g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-callback-month-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackMonthView, title);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackMonthView, grid);
  gtk_widget_class_install_action (widget_class, "month.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "month.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "month.today", NULL, today_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "month.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "month.next", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kefu-callback-month-view");
}

static void
kefu_callback_month_view_init (KefuCallbackMonthView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  build_cells (self);
  g_date_clear (&self->month, 1);
  g_date_clear (&self->selected, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  self->today = today;
  self->selected = today;
  show_month_of (self, &today);
  refresh (self);
}

GtkWidget *
kefu_callback_month_view_new (void)
{
  return g_object_new (KEFU_TYPE_CALLBACK_MONTH_VIEW, NULL);
}
