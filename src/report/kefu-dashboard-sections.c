/* kefu-dashboard-sections.c: the dashboard's sections (see kefu-dashboard-sections.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-report"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "kefu-dashboard-sections.h"

/* The steps an open service job may be in, in the order of the flow. */
static const KefuJobStep open_steps[] = {
  KEFU_JOB_STEP_REPORTED, KEFU_JOB_STEP_SUPPORT_REQUESTED, KEFU_JOB_STEP_APPROVED,
  KEFU_JOB_STEP_DISPATCHED, KEFU_JOB_STEP_ON_TRIP, KEFU_JOB_STEP_SENT_TO_FACTORY,
  KEFU_JOB_STEP_AT_FACTORY, KEFU_JOB_STEP_REPAIRED, KEFU_JOB_STEP_SENT_BACK,
};

static const KefuComplaintStage open_stages[] = {
  KEFU_COMPLAINT_STAGE_NEW, KEFU_COMPLAINT_STAGE_ROUTED, KEFU_COMPLAINT_STAGE_IN_PROGRESS,
  KEFU_COMPLAINT_STAGE_RESOLVED, KEFU_COMPLAINT_STAGE_CALLED_BACK, KEFU_COMPLAINT_STAGE_REOPENED,
};

static void
tile_clear (gpointer data)
{
  KefuDashboardTile *tile = data;

  g_clear_pointer (&tile->title, g_free);
  g_clear_pointer (&tile->subtitle, g_free);
  g_clear_pointer (&tile->series, g_array_unref);
}

void
kefu_dashboard_chart_clear (KefuDashboardChart *chart)
{
  g_return_if_fail (chart != NULL);

  g_clear_pointer (&chart->data, kefu_chart_data_free);
  g_clear_pointer (&chart->category_keys, g_array_unref);
  g_clear_pointer (&chart->series_keys, g_array_unref);
}

static void
chart_clear (gpointer data)
{
  kefu_dashboard_chart_clear (data);
}

void
kefu_dashboard_section_free (KefuDashboardSection *section)
{
  if (section == NULL)
    return;
  g_free (section->id);
  g_free (section->title);
  g_array_unref (section->tiles);
  g_array_unref (section->charts);
  g_free (section);
}

static KefuDashboardSection *
section_new (GPtrArray  *sections,
             const char *id,
             const char *title)
{
  KefuDashboardSection *section = g_new0 (KefuDashboardSection, 1);

  section->id = g_strdup (id);
  section->title = g_strdup (title);
  section->tiles = g_array_new (FALSE, TRUE, sizeof (KefuDashboardTile));
  g_array_set_clear_func (section->tiles, tile_clear);
  section->charts = g_array_new (FALSE, TRUE, sizeof (KefuDashboardChart));
  g_array_set_clear_func (section->charts, chart_clear);
  g_ptr_array_add (sections, section);
  return section;
}

/* Tiles */

static KefuDashboardTile *
tile_add (KefuDashboardSection *section,
          const char           *title,
          KefuDashboardFormat   format,
          int                   better,
          int                   figure,
          gint64                key)
{
  KefuDashboardTile tile = { 0 };

  tile.title = g_strdup (title);
  tile.format = format;
  tile.better = better;
  tile.figure = figure;
  tile.key = key;
  g_array_append_val (section->tiles, tile);
  return &g_array_index (section->tiles, KefuDashboardTile, section->tiles->len - 1);
}

static GArray *
series_of (const GArray *counts)
{
  GArray *series;

  if (counts == NULL || counts->len == 0)
    return NULL;
  series = g_array_sized_new (FALSE, FALSE, sizeof (double), counts->len);
  for (guint i = 0; i < counts->len; i++)
    {
      double value = g_array_index (counts, guint, i);

      g_array_append_val (series, value);
    }
  return series;
}

/* A count of the period with the period before and its trend. */
static KefuDashboardTile *
tile_count (KefuDashboardSection     *section,
            const char               *title,
            const KefuDashboardCount *count,
            int                       better,
            int                       figure,
            gint64                    key)
{
  KefuDashboardTile *tile = tile_add (section, title, KEFU_DASHBOARD_FORMAT_COUNT, better,
                                      figure, key);

  tile->has_value = tile->has_previous = TRUE;
  tile->value = count->value;
  tile->previous = count->previous;
  tile->series = series_of (count->series);
  return tile;
}

/* A count of now (open, overdue): nothing to compare with. */
static KefuDashboardTile *
tile_now (KefuDashboardSection *section,
          const char           *title,
          guint                 value,
          int                   better,
          int                   figure,
          gint64                key)
{
  KefuDashboardTile *tile = tile_add (section, title, KEFU_DASHBOARD_FORMAT_COUNT, better,
                                      figure, key);

  tile->has_value = TRUE;
  tile->value = value;
  return tile;
}

/* A share in percent, of the period and of the one before (none where the whole is 0). */
static KefuDashboardTile *
tile_share (KefuDashboardSection *section,
            const char           *title,
            guint                 part,
            guint                 whole,
            guint                 previous_part,
            guint                 previous_whole,
            int                   figure,
            gint64                key)
{
  KefuDashboardTile *tile = tile_add (section, title, KEFU_DASHBOARD_FORMAT_PERCENT, 1, figure,
                                      key);

  tile->has_value = whole > 0;
  tile->value = whole > 0 ? 100.0 * part / whole : 0;
  tile->has_previous = previous_whole > 0;
  tile->previous = previous_whole > 0 ? 100.0 * previous_part / previous_whole : 0;
  return tile;
}

static KefuDashboardTile *
tile_median (KefuDashboardSection      *section,
             const char                *title,
             const KefuDashboardMedian *median,
             KefuDashboardFormat        format)
{
  KefuDashboardTile *tile = tile_add (section, title, format, -1, -1, 0);

  tile->has_value = median->n > 0;
  tile->value = median->value;
  tile->has_previous = median->previous_n > 0;
  tile->previous = median->previous;
  return tile;
}

static char *
count_text (guint n)
{
  return kefu_dashboard_format_value (KEFU_DASHBOARD_FORMAT_COUNT, TRUE, n);
}

/* Charts */

static KefuDashboardChart *
chart_add (KefuDashboardSection *section,
           const char           *title,
           KefuChartKind         kind,
           int                   figure)
{
  KefuDashboardChart chart = { 0 };

  chart.data = kefu_chart_data_new (title, kind, KEFU_CHART_UNIT_COUNT);
  chart.figure = figure;
  chart.category_keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (section->charts, chart);
  return &g_array_index (section->charts, KefuDashboardChart, section->charts->len - 1);
}

static void
chart_category (KefuDashboardChart *chart,
                const char         *label,
                gint64              key)
{
  kefu_chart_data_add_category (chart->data, label);
  g_array_append_val (chart->category_keys, key);
}

static void
chart_series (KefuDashboardChart *chart,
              const char         *name,
              const double       *values,
              guint               n_values,
              gint64              key)
{
  kefu_chart_data_add_series (chart->data, name, values, n_values);
  if (chart->series_keys == NULL)
    chart->series_keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (chart->series_keys, key);
}

/* The buckets' labels: "08:00" for the hours of one day, "11-27" for days. */
static char *
bucket_label (const KefuDashboard *dashboard,
              guint                bucket)
{
  g_autoptr(GDateTime) start = kefu_dashboard_bucket_start (dashboard, bucket);

  return g_date_time_format (start, dashboard->hourly ? "%H:%M" : "%m-%d");
}

gboolean
kefu_dashboard_chart_records (const KefuDashboardChart *chart,
                              guint                     category,
                              int                       series,
                              int                      *figure,
                              gint64                   *key,
                              char                    **title)
{
  const char *series_name = NULL;

  g_return_val_if_fail (chart != NULL, FALSE);

  if (chart->figure < 0 || category >= chart->category_keys->len)
    return FALSE;
  *figure = chart->figure;
  *key = g_array_index (chart->category_keys, gint64, category);
  if (chart->series_keys != NULL)
    {
      /* A stacked chart's click on the category (not a segment) lists nothing: the key needs
       * both. */
      if (series < 0 || (guint) series >= chart->series_keys->len)
        return FALSE;
      *key += g_array_index (chart->series_keys, gint64, series);
      series_name = kefu_chart_data_get_series_name (chart->data, series);
    }
  if (title != NULL)
    {
      const char *name = kefu_chart_data_get_title (chart->data);
      const char *label = kefu_chart_data_get_category (chart->data, category);

      /* Translators: the records behind a chart's bar: "Open complaints by stage · Routed"
       * (and the series, "· Repair"). */
      *title = series_name != NULL ?
               g_strdup_printf (C_("dashboard chart records", "%s · %s · %s"), name, label,
                                series_name) :
               g_strdup_printf (C_("dashboard chart records", "%s · %s"), name, label);
    }
  return TRUE;
}

/* The sections */

static void
add_calls (GPtrArray           *sections,
           const KefuDashboard *d)
{
  KefuDashboardSection *s = section_new (sections, "calls", _("Calls"));
  KefuDashboardChart *chart;
  const char *kinds[KEFU_DASHBOARD_N_CALL_KINDS];

  tile_count (s, _("All Calls"), &d->calls_total, 0, KEFU_DASHBOARD_FIGURE_CALLS, -1);
  tile_count (s, _("Order Calls"), &d->calls[KEFU_CALL_KIND_ORDER], 1,
              KEFU_DASHBOARD_FIGURE_CALLS, KEFU_CALL_KIND_ORDER);
  tile_count (s, _("Complaint Calls"), &d->calls[KEFU_CALL_KIND_COMPLAINT], -1,
              KEFU_DASHBOARD_FIGURE_CALLS, KEFU_CALL_KIND_COMPLAINT);
  tile_count (s, _("Inquiry Calls"), &d->calls[KEFU_CALL_KIND_INQUIRY], 0,
              KEFU_DASHBOARD_FIGURE_CALLS, KEFU_CALL_KIND_INQUIRY);

  for (guint k = 0; k < KEFU_DASHBOARD_N_CALL_KINDS; k++)
    kinds[k] = kefu_call_kind_get_display_name ((KefuCallKind) k);

  /* The load through the day, which tells a manager how to staff the shifts. */
  chart = chart_add (s, _("Calls by Hour of Day"), KEFU_CHART_STACKED_BARS,
                     KEFU_DASHBOARD_FIGURE_CALLS_AT_HOUR);
  for (guint h = 0; h < 24; h++)
    {
      g_autofree char *label = g_strdup_printf ("%02u:00", h);

      chart_category (chart, label, h);
    }
  for (guint k = 0; k < KEFU_DASHBOARD_N_CALL_KINDS; k++)
    {
      double values[24];

      for (guint h = 0; h < 24; h++)
        values[h] = d->calls_by_hour[h][k];
      kefu_chart_data_add_series (chart->data, kinds[k], values, 24);
    }

  /* Day by day over a longer period. */
  if (!d->hourly && d->n_buckets > 1)
    {
      chart = chart_add (s, _("Calls by Day"), KEFU_CHART_STACKED_BARS, -1);
      for (guint b = 0; b < d->n_buckets; b++)
        {
          g_autofree char *label = bucket_label (d, b);

          chart_category (chart, label, b);
        }
      for (guint k = 0; k < KEFU_DASHBOARD_N_CALL_KINDS; k++)
        {
          g_autoptr(GArray) values = series_of (d->calls[k].series);

          kefu_chart_data_add_series (chart->data, kinds[k],
                                      values != NULL ? (double *) values->data : NULL,
                                      values != NULL ? values->len : 0);
        }
    }
}

static void
add_complaints (GPtrArray           *sections,
                const KefuDashboard *d)
{
  KefuDashboardSection *s = section_new (sections, "complaints", _("Complaints"));
  KefuDashboardChart *chart;
  KefuDashboardTile *tile;
  double values[G_N_ELEMENTS (open_stages)];
  g_autofree double *by_department = NULL;
  guint n;

  tile_count (s, _("Complaints Opened"), &d->opened, -1, KEFU_DASHBOARD_FIGURE_OPENED, -1);
  tile_count (s, _("Complaints Closed"), &d->closed, 1, KEFU_DASHBOARD_FIGURE_CLOSED, -1);
  tile = tile_now (s, _("Open Now"), d->open_total, -1, KEFU_DASHBOARD_FIGURE_OPEN, -1);
  if (d->open_unrouted > 0)
    tile->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not routed yet",
                                                   "%u not routed yet", d->open_unrouted),
                                      d->open_unrouted);
  tile_now (s, _("Overdue Now"), d->overdue, -1, KEFU_DASHBOARD_FIGURE_OVERDUE, -1);
  tile = tile_median (s, _("Median Time to Acknowledge"), &d->median_acknowledge,
                      KEFU_DASHBOARD_FORMAT_DURATION);
  tile->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %u acknowledged",
                                                 "of %u acknowledged", d->median_acknowledge.n),
                                    d->median_acknowledge.n);
  tile = tile_median (s, _("Median Time to Resolve"), &d->median_resolve,
                      KEFU_DASHBOARD_FORMAT_DURATION);
  tile->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %u resolved",
                                                 "of %u resolved", d->median_resolve.n),
                                    d->median_resolve.n);
  tile = tile_share (s, _("Resolved Within Deadline"), d->resolved_on_time.value,
                     d->resolved.value, d->resolved_on_time.previous, d->resolved.previous,
                     KEFU_DASHBOARD_FIGURE_RESOLVED, -1);
  {
    g_autofree char *part = count_text (d->resolved_on_time.value);
    g_autofree char *whole = count_text (d->resolved.value);

    /* Translators: under the share of complaints resolved within their deadline. */
    tile->subtitle = g_strdup_printf (_("%s of %s on time"), part, whole);
  }
  tile = tile_count (s, _("Urgent (Customer Harmed)"), &d->harmed, -1,
                     KEFU_DASHBOARD_FIGURE_HARMED, -1);
  if (d->harmed_unvisited > 0)
    tile->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not visited yet",
                                                   "%u not visited yet", d->harmed_unvisited),
                                      d->harmed_unvisited);
  else if (d->median_first_visit.n > 0)
    {
      g_autofree char *visit = kefu_dashboard_format_value (KEFU_DASHBOARD_FORMAT_DURATION, TRUE,
                                                            d->median_first_visit.value);

      /* Translators: under the urgent complaints: the median time from the call to the visit. */
      tile->subtitle = g_strdup_printf (_("Visited within %s (median)"), visit);
    }
  tile = tile_count (s, _("Batch Clusters"), &d->batch_alerts, -1,
                     KEFU_DASHBOARD_FIGURE_BATCH_ALERTS, -1);
  if (d->batch_alerts_open > 0)
    tile->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not acknowledged",
                                                   "%u not acknowledged", d->batch_alerts_open),
                                      d->batch_alerts_open);

  chart = chart_add (s, _("Complaints Opened by Category"), KEFU_CHART_BARS,
                     KEFU_DASHBOARD_FIGURE_OPENED);
  chart_category (chart, kefu_complaint_category_get_display_name (KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY),
                  KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY);
  chart_category (chart, kefu_complaint_category_get_display_name (KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY),
                  KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY);
  chart_category (chart, _("Not well founded"), KEFU_COMPLAINT_CATEGORY_UNSPECIFIED);
  {
    double opened[] = { d->opened_product.value, d->opened_service.value,
                        d->opened_explained.value };

    kefu_chart_data_add_series (chart->data, _("Complaints"), opened, G_N_ELEMENTS (opened));
  }

  chart = chart_add (s, _("Open Complaints by Stage"), KEFU_CHART_BARS,
                     KEFU_DASHBOARD_FIGURE_OPEN);
  for (guint i = 0; i < G_N_ELEMENTS (open_stages); i++)
    {
      chart_category (chart, kefu_complaint_stage_get_display_name (open_stages[i]), open_stages[i]);
      values[i] = d->open_by_stage[open_stages[i]];
    }
  kefu_chart_data_add_series (chart->data, _("Complaints"), values, G_N_ELEMENTS (values));

  n = d->open_by_department->len + (d->open_unrouted > 0 ? 1 : 0);
  if (n > 0)
    {
      chart = chart_add (s, _("Open Complaints by Department"), KEFU_CHART_BARS,
                         KEFU_DASHBOARD_FIGURE_OPEN_IN_DEPARTMENT);
      by_department = g_new0 (double, n);
      for (guint i = 0; i < d->open_by_department->len; i++)
        {
          const KefuDashboardDepartmentCount *department =
            &g_array_index (d->open_by_department, KefuDashboardDepartmentCount, i);

          chart_category (chart, department->name, department->department_id);
          by_department[i] = department->count;
        }
      if (d->open_unrouted > 0)
        {
          chart_category (chart, _("Not routed yet"), 0);
          by_department[n - 1] = d->open_unrouted;
        }
      kefu_chart_data_add_series (chart->data, _("Complaints"), by_department, n);
    }
}

static void
add_callbacks (GPtrArray           *sections,
               const KefuDashboard *d)
{
  KefuDashboardSection *s = section_new (sections, "callbacks", _("Callbacks"));
  KefuDashboardChart *chart;
  KefuDashboardTile *tile;
  guint answered = d->satisfied.value + d->so_so.value + d->not_satisfied.value;
  guint previous_answered = d->satisfied.previous + d->so_so.previous +
                            d->not_satisfied.previous;

  tile_count (s, _("Callbacks Due"), &d->callbacks_due, 0,
              KEFU_DASHBOARD_FIGURE_CALLBACKS_DUE, -1);
  tile = tile_share (s, _("Done On Time"), d->callbacks_on_time.value, d->callbacks_due.value,
                     d->callbacks_on_time.previous, d->callbacks_due.previous,
                     KEFU_DASHBOARD_FIGURE_CALLBACKS_DUE, 1);
  {
    g_autofree char *part = count_text (d->callbacks_on_time.value);
    g_autofree char *whole = count_text (d->callbacks_due.value);

    /* Translators: under the share of callbacks done on time: "96 of 120 due". */
    tile->subtitle = g_strdup_printf (_("%s of %s due"), part, whole);
  }
  tile_count (s, _("Done Late"), &d->callbacks_late, -1, KEFU_DASHBOARD_FIGURE_CALLBACKS_DUE, 2);
  tile_now (s, _("Still to Do"), d->callbacks_open, -1, KEFU_DASHBOARD_FIGURE_CALLBACKS_DUE, 0);
  tile = tile_share (s, _("Members Called Back"), d->n_members_covered, d->n_members,
                     0, 0, KEFU_DASHBOARD_FIGURE_MEMBERS_UNCOVERED, -1);
  {
    g_autofree char *part = count_text (d->n_members_covered);
    g_autofree char *whole = count_text (d->n_members);

    /* Translators: under the members' coverage: the target is every member (100%). */
    tile->subtitle = g_strdup_printf (_("%s of %s members · target 100%%"), part, whole);
  }
  tile = tile_share (s, _("Satisfied Customers"), d->satisfied.value, answered,
                     d->satisfied.previous, previous_answered,
                     KEFU_DASHBOARD_FIGURE_SATISFACTION, KEFU_SATISFACTION_SATISFIED);
  {
    g_autofree char *whole = count_text (answered);

    /* Translators: under the share of satisfied customers: of how many answered. */
    tile->subtitle = g_strdup_printf (_("of %s who answered"), whole);
  }

  chart = chart_add (s, _("Satisfaction"), KEFU_CHART_BARS, KEFU_DASHBOARD_FIGURE_SATISFACTION);
  chart_category (chart, kefu_satisfaction_get_display_name (KEFU_SATISFACTION_SATISFIED),
                  KEFU_SATISFACTION_SATISFIED);
  chart_category (chart, kefu_satisfaction_get_display_name (KEFU_SATISFACTION_SO_SO),
                  KEFU_SATISFACTION_SO_SO);
  chart_category (chart, kefu_satisfaction_get_display_name (KEFU_SATISFACTION_NOT_SATISFIED),
                  KEFU_SATISFACTION_NOT_SATISFIED);
  {
    double answers[] = { d->satisfied.value, d->so_so.value, d->not_satisfied.value };

    kefu_chart_data_add_series (chart->data, _("Customers"), answers, G_N_ELEMENTS (answers));
  }
}

static void
add_aftersales (GPtrArray           *sections,
                const KefuDashboard *d)
{
  KefuDashboardSection *s = section_new (sections, "aftersales", _("After-Sales"));
  KefuDashboardChart *chart;
  KefuDashboardTile *tile;

  tile_now (s, _("Shipments in Transit"), d->in_transit, 0, KEFU_DASHBOARD_FIGURE_IN_TRANSIT, 0);
  tile_now (s, _("Awaiting Receipt"), d->awaiting_receipt, -1,
            KEFU_DASHBOARD_FIGURE_IN_TRANSIT, 1);
  tile_now (s, _("Overdue Shipments"), d->shipments_overdue, -1,
            KEFU_DASHBOARD_FIGURE_IN_TRANSIT, 2);
  tile_count (s, _("Receipts Confirmed"), &d->received, 1, KEFU_DASHBOARD_FIGURE_IN_TRANSIT, 3);
  tile_median (s, _("Median Days to Receipt"), &d->median_receipt_days,
               KEFU_DASHBOARD_FORMAT_DAYS);
  tile = tile_now (s, _("Open Service Jobs"), d->jobs_open_total, -1,
                   KEFU_DASHBOARD_FIGURE_JOBS_OPEN, -1);
  if (d->jobs_overdue > 0)
    tile->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue",
                                                   d->jobs_overdue), d->jobs_overdue);
  tile_now (s, _("Overdue Service Jobs"), d->jobs_overdue, -1, KEFU_DASHBOARD_FIGURE_JOBS_OPEN,
            9999);
  tile_count (s, _("Service Jobs Completed"), &d->jobs_completed_total, 1,
              KEFU_DASHBOARD_FIGURE_JOBS_COMPLETED, -1);
  tile = tile_share (s, _("Fixed on the First Visit"), d->field_first_fixed.value,
                     d->field_first.value, d->field_first_fixed.previous, d->field_first.previous,
                     KEFU_DASHBOARD_FIGURE_JOBS_COMPLETED, 102);
  {
    g_autofree char *part = count_text (d->field_first_fixed.value);
    g_autofree char *whole = count_text (d->field_first.value);

    /* Translators: under the first-visit fix rate: "45 of 50 first visits". */
    tile->subtitle = g_strdup_printf (_("%s of %s first visits"), part, whole);
  }
  tile_count (s, _("In Warranty"), &d->in_warranty, 0, KEFU_DASHBOARD_FIGURE_JOBS_COMPLETED, 100);
  tile_count (s, _("Paid Service"), &d->paid, 0, KEFU_DASHBOARD_FIGURE_JOBS_COMPLETED, 101);

  /* Where the open jobs stand, each kind its own part of the step's bar. */
  chart = chart_add (s, _("Open Service Jobs by Step"), KEFU_CHART_STACKED_BARS,
                     KEFU_DASHBOARD_FIGURE_JOBS_OPEN);
  for (guint i = 0; i < G_N_ELEMENTS (open_steps); i++)
    chart_category (chart, kefu_job_step_get_display_name (open_steps[i]), open_steps[i]);
  for (guint k = 0; k < KEFU_DASHBOARD_N_JOB_KINDS; k++)
    {
      double values[G_N_ELEMENTS (open_steps)];

      for (guint i = 0; i < G_N_ELEMENTS (open_steps); i++)
        values[i] = d->jobs_open[k][open_steps[i]];
      chart_series (chart, kefu_job_kind_get_display_name ((KefuJobKind) k), values,
                    G_N_ELEMENTS (values), (gint64) k * 100);
    }

  chart = chart_add (s, _("Service Jobs Completed by Kind"), KEFU_CHART_BARS,
                     KEFU_DASHBOARD_FIGURE_JOBS_COMPLETED);
  {
    double values[KEFU_DASHBOARD_N_JOB_KINDS];

    for (guint k = 0; k < KEFU_DASHBOARD_N_JOB_KINDS; k++)
      {
        chart_category (chart, kefu_job_kind_get_display_name ((KefuJobKind) k), k);
        values[k] = d->jobs_completed[k];
      }
    kefu_chart_data_add_series (chart->data, _("Service jobs"), values, G_N_ELEMENTS (values));
  }
}

GPtrArray *
kefu_dashboard_sections_new (const KefuDashboard *dashboard)
{
  GPtrArray *sections;

  g_return_val_if_fail (dashboard != NULL, NULL);

  sections = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_dashboard_section_free);
  add_calls (sections, dashboard);
  add_complaints (sections, dashboard);
  add_callbacks (sections, dashboard);
  add_aftersales (sections, dashboard);
  return sections;
}

/* Words */

char *
kefu_dashboard_format_value (KefuDashboardFormat format,
                             gboolean            has_value,
                             double              value)
{
  if (!has_value || isnan (value))
    return g_strdup ("—");
  switch (format)
    {
    case KEFU_DASHBOARD_FORMAT_PERCENT:
      return kefu_chart_format_value (KEFU_CHART_UNIT_PERCENT, value);
    case KEFU_DASHBOARD_FORMAT_DURATION:
      return kefu_chart_format_value (KEFU_CHART_UNIT_HOURS, value / 3600.0);
    case KEFU_DASHBOARD_FORMAT_DAYS:
      return kefu_chart_format_value (KEFU_CHART_UNIT_DAYS, value);
    case KEFU_DASHBOARD_FORMAT_COUNT:
    default:
      return g_strdup_printf ("%'.0f", value);
    }
}

char *
kefu_dashboard_format_change (const KefuDashboardTile *tile)
{
  KefuChartUnit unit = tile->format == KEFU_DASHBOARD_FORMAT_PERCENT ? KEFU_CHART_UNIT_PERCENT :
                       tile->format == KEFU_DASHBOARD_FORMAT_DURATION ? KEFU_CHART_UNIT_HOURS :
                       tile->format == KEFU_DASHBOARD_FORMAT_DAYS ? KEFU_CHART_UNIT_DAYS :
                       KEFU_CHART_UNIT_COUNT;
  double scale = tile->format == KEFU_DASHBOARD_FORMAT_DURATION ? 1.0 / 3600.0 : 1.0;

  g_return_val_if_fail (tile != NULL, NULL);

  if (!tile->has_value || !tile->has_previous)
    return g_strdup ("");
  /* The words the tiles say, for the report and the files. */
  return kefu_chart_format_change (unit, tile->value * scale, tile->previous * scale, NULL);
}
