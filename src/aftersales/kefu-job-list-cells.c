/* kefu-job-list-cells.c: the cells of the job list view.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-job-list-view"

#include "config.h"

#include <glib/gi18n.h>

#include "complaints/kefu-detail-format.h"
#include "core/kefu-enums.h"
#include "core/kefu-job-flow.h"
#include "widgets/kefu-lazy-item.h"
#include "widgets/kefu-table-cell.h"

#include "kefu-job-list-cells.h"
#include "kefu-job-text.h"

static const char *
warranty_style (KefuWarrantyState warranty)
{
  switch (warranty)
    {
    case KEFU_WARRANTY_IN:
      return "success";
    case KEFU_WARRANTY_OUT:
      return "warning";
    case KEFU_WARRANTY_UNKNOWN:
    default:
      return "dim-label";
    }
}

char *
kefu_job_cell_text (KefuServiceJob *job,
                    KefuJobCell     cell,
                    GDateTime      *now)
{
  g_autoptr(GDateTime) current = NULL;

  g_return_val_if_fail (KEFU_IS_SERVICE_JOB (job), NULL);

  switch (cell)
    {
    case KEFU_JOB_CELL_REFERENCE:
      return g_strdup (job->reference);

    case KEFU_JOB_CELL_REPORTED:
      /* The day is enough in a list (the page has the time): "11-23". */
      if (now == NULL)
        now = current = g_date_time_new_now_utc ();
      return kefu_job_text_short_day (job->reported_at, now);

    case KEFU_JOB_CELL_CUSTOMER:
      return g_strdup (job->customer_name);

    case KEFU_JOB_CELL_KIND:
      return g_strdup (kefu_job_text_kind_short (job->kind));

    case KEFU_JOB_CELL_PRODUCT:
      if (job->serial != NULL && *job->serial != '\0')
        /* Translators: a product and its serial number (产品编号) in the job list. */
        return g_strdup_printf (_("%s · %s"), job->product_name != NULL ? job->product_name : "",
                                job->serial);
      return g_strdup (job->product_name != NULL ? job->product_name : "");

    case KEFU_JOB_CELL_STEP:
      return kefu_job_text_progress (job->kind, job->step);

    case KEFU_JOB_CELL_WARRANTY:
      return g_strdup (kefu_job_text_warranty_short (job->warranty));

    case KEFU_JOB_CELL_TECHNICIAN:
      if (job->technician_name == NULL)
        return g_strdup ("");
      if (g_date_valid (&job->agreed_date))
        {
          g_autofree char *day = NULL;
          char text[8];

          /* The month and day: the agreed day is this month or the next. */
          g_date_strftime (text, sizeof text, "%m-%d", &job->agreed_date);
          day = g_strdup (text);

          /* Translators: the technician and the day agreed with the customer. */
          return g_strdup_printf (_("%s · %s"), job->technician_name, day);
        }
      return g_strdup (job->technician_name);

    case KEFU_JOB_CELL_WAITING:
      if (now == NULL)
        now = current = g_date_time_new_now_utc ();
      return kefu_job_text_waiting (job, now);

    default:
      g_return_val_if_reached (NULL);
    }
}

static void
refresh_step (GtkWidget      *child,
              KefuServiceJob *job)
{
  GtkLevelBar *bar = GTK_LEVEL_BAR (gtk_widget_get_first_child (child));
  guint position = 0;
  guint n_steps = 1;

  if (job != NULL)
    kefu_job_step_progress (job->kind, job->step, &position, &n_steps);
  n_steps = MAX (n_steps, 1);
  if (gtk_level_bar_get_max_value (bar) != n_steps)
    gtk_level_bar_set_max_value (bar, n_steps);
  if (gtk_level_bar_get_value (bar) != position)
    gtk_level_bar_set_value (bar, position);
  gtk_widget_set_visible (GTK_WIDGET (bar), job != NULL);
}

/* A long text is cut with an ellipsis: the tooltip has it whole. The badges' tooltips say
 * their full names; the references and the waits are always whole. */
static char *
cell_tooltip (GtkColumnViewCell *cell)
{
  GtkWidget *child = gtk_column_view_cell_get_child (cell);
  KefuJobCell kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "kefu-cell"));
  KefuServiceJob *job = kefu_lazy_item_get_value (gtk_column_view_cell_get_item (cell));

  if (job == NULL || kind == KEFU_JOB_CELL_REFERENCE || kind == KEFU_JOB_CELL_WAITING)
    return NULL;
  if (kind == KEFU_JOB_CELL_KIND)
    return g_strdup (kefu_job_kind_get_display_name (job->kind));
  if (kind == KEFU_JOB_CELL_WARRANTY)
    return g_strdup (kefu_warranty_state_get_display_name (job->warranty));
  if (kind == KEFU_JOB_CELL_REPORTED)
    return kefu_detail_format_local_time (job->reported_at);
  if (kind == KEFU_JOB_CELL_TECHNICIAN && job->technician_name != NULL &&
      g_date_valid (&job->agreed_date))
    {
      g_autofree char *day = kefu_job_text_day (&job->agreed_date);

      /* Translators: the technician and the day agreed with the customer, in a tooltip. */
      return g_strdup_printf (_("%s, agreed for %s"), job->technician_name, day);
    }
  return kefu_job_cell_text (job, kind, NULL);
}

static void
cell_refresh (GtkColumnViewCell *cell)
{
  GtkWidget *child = gtk_column_view_cell_get_child (cell);
  KefuJobCell kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "kefu-cell"));
  KefuLazyItem *item = gtk_column_view_cell_get_item (cell);
  KefuServiceJob *job = item != NULL ? kefu_lazy_item_get_value (item) : NULL;
  g_autofree char *text = job != NULL ? kefu_job_cell_text (job, kind, NULL) : NULL;
  GtkWidget *label = GTK_IS_LABEL (child) ? child : gtk_widget_get_last_child (child);

  kefu_table_cell_set_label (label, text != NULL ? text : "");
  if (kind == KEFU_JOB_CELL_STEP)
    refresh_step (child, job);
  else if (kind == KEFU_JOB_CELL_WARRANTY)
    {
      kefu_table_cell_set_style (label, job != NULL ? warranty_style (job->warranty) : NULL);
      if (gtk_widget_get_visible (label) != (job != NULL))
        gtk_widget_set_visible (label, job != NULL);
    }
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkColumnViewCell        *cell,
               gpointer                  user_data)
{
  KefuJobCell kind = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = kefu_table_cell_new_label ();
  GtkWidget *child = label;

  switch (kind)
    {
    case KEFU_JOB_CELL_REFERENCE:
    case KEFU_JOB_CELL_REPORTED:
    case KEFU_JOB_CELL_WAITING:
      gtk_widget_add_css_class (label, "numeric");
      break;

    case KEFU_JOB_CELL_STEP:
      {
        GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

        /* A short continuous bar: a segment a step would make a six-step kind's bar wider than
         * the column (each block has a minimum width), and the words beside it give the count. */
        gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
        gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
        gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
        gtk_widget_set_size_request (bar, 40, -1);
        gtk_widget_set_hexpand (bar, FALSE);
        gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
        gtk_widget_set_hexpand (label, TRUE);
        /* The label beside it says the same in words. */
        gtk_accessible_update_state (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_box_append (GTK_BOX (child), bar);
        gtk_box_append (GTK_BOX (child), label);
      }
      break;

    case KEFU_JOB_CELL_WARRANTY:
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "kefu-badge");
      break;

    case KEFU_JOB_CELL_CUSTOMER:
    case KEFU_JOB_CELL_KIND:
    case KEFU_JOB_CELL_PRODUCT:
    case KEFU_JOB_CELL_TECHNICIAN:
    default:
      break;
    }

  kefu_table_cell_set_line_height (GTK_LIST_ITEM_FACTORY (factory), label);

  g_object_set_data (G_OBJECT (child), "kefu-cell", GUINT_TO_POINTER (kind));
  gtk_column_view_cell_set_child (cell, child);
}

void
kefu_job_cell_set_factory (GtkColumnViewColumn *column,
                           KefuJobCell          cell)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (cell <= KEFU_JOB_CELL_WAITING);

  kefu_table_cell_set_factory (column, cell, G_CALLBACK (cell_setup_cb), cell_refresh,
                               cell_tooltip);
}
