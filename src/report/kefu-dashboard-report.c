/* kefu-dashboard-report.c: the dashboard as CSV rows and as a printed report (see
 * kefu-dashboard-report.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-report"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include <string.h>

#include "core/kefu-atomic-file.h"
#include "core/kefu-csv.h"
#include "core/kefu-report-period.h"
#include "kefu-chart-draw.h"
#include "kefu-dashboard-report.h"
#include "kefu-dashboard-sections.h"
#include "kefu-reports-export.h"

/* A chart's height on the page, in points (about 6 cm), its title's line included. */
#define CHART_HEIGHT 170.0
#define TITLE_HEIGHT 16.0
#define FONT_FAMILY "Noto Sans CJK SC, Noto Sans, Sans"

static const char * const section_ids[] = {
  "calls", "complaints", "callbacks", "aftersales", "clerks", NULL
};

const char * const *
kefu_dashboard_report_section_ids (void)
{
  return section_ids;
}

const char *
kefu_dashboard_report_section_title (const char *section_id)
{
  if (g_strcmp0 (section_id, "calls") == 0)
    return _("Calls");
  if (g_strcmp0 (section_id, "complaints") == 0)
    return _("Complaints");
  if (g_strcmp0 (section_id, "callbacks") == 0)
    return _("Callbacks");
  if (g_strcmp0 (section_id, "aftersales") == 0)
    return _("After-Sales");
  if (g_strcmp0 (section_id, "clerks") == 0)
    return _("Clerks");
  return NULL;
}

char *
kefu_dashboard_report_period_text (const KefuDashboard *dashboard)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (dashboard != NULL, NULL);

  first = kefu_period_format_day (&dashboard->query.first);
  last = kefu_period_format_day (&dashboard->query.last);
  if (g_date_compare (&dashboard->query.first, &dashboard->query.last) == 0)
    return g_steal_pointer (&first);
  /* Translators: a report's period, "2026-11-01 – 2026-11-27". */
  return g_strdup_printf (C_("report period", "%s – %s"), first, last);
}

/* CSV */

static void
row (GString    *out,
     const char *a,
     const char *b,
     const char *c,
     const char *d,
     const char *e,
     const char *f)
{
  const char *fields[] = { a, b, c, d, e, f, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (fields) - 1; i++)
    if (fields[i] == NULL)
      fields[i] = "";
  kefu_csv_append_row (out, fields);
}

static void
append_tiles_csv (GString                    *out,
                  const KefuDashboardSection *section)
{
  row (out, _("Section"), _("Figure"), _("This period"), _("Previous period"), _("Change"),
       _("Note"));
  for (guint i = 0; i < section->tiles->len; i++)
    {
      const KefuDashboardTile *tile = &g_array_index (section->tiles, KefuDashboardTile, i);
      g_autofree char *value = kefu_dashboard_format_value (tile->format, tile->has_value,
                                                            tile->value);
      g_autofree char *previous = tile->has_previous ?
                                  kefu_dashboard_format_value (tile->format, TRUE,
                                                               tile->previous) : g_strdup ("");
      g_autofree char *change = kefu_dashboard_format_change (tile);

      row (out, section->title, tile->title, value, previous, change, tile->subtitle);
    }
}

/* A chart as a table: a row a category, a column a series. */
static void
append_chart_csv (GString                  *out,
                  const KefuDashboardChart *chart)
{
  const KefuChartData *data = chart->data;
  guint n_series = kefu_chart_data_get_n_series (data);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

  kefu_csv_append_row (out, (const char *[]) { "", NULL });
  g_ptr_array_add (fields, g_strdup (kefu_chart_data_get_title (data)));
  for (guint s = 0; s < n_series; s++)
    g_ptr_array_add (fields, g_strdup (kefu_chart_data_get_series_name (data, s)));
  g_ptr_array_add (fields, NULL);
  kefu_csv_append_row (out, (const char * const *) fields->pdata);

  for (guint c = 0; c < kefu_chart_data_get_n_categories (data); c++)
    {
      g_ptr_array_set_size (fields, 0);
      g_ptr_array_add (fields, g_strdup (kefu_chart_data_get_category (data, c)));
      for (guint s = 0; s < n_series; s++)
        g_ptr_array_add (fields, kefu_chart_format_value (kefu_chart_data_get_unit (data),
                                                          kefu_chart_data_get_value (data, s,
                                                                                     c)));
      g_ptr_array_add (fields, NULL);
      kefu_csv_append_row (out, (const char * const *) fields->pdata);
    }
}

static char *
conversion_text (const KefuDashboardClerk *clerk)
{
  if (clerk->inquiries == 0)
    return g_strdup ("—");
  return g_strdup_printf ("%.1f%%", 100.0 * clerk->converted / clerk->inquiries);
}

static void
append_clerks_csv (GString             *out,
                   const KefuDashboard *dashboard)
{
  kefu_csv_append_row (out, (const char *[]) {
    _("Clerk"), _("Calls served"), _("Inquiries"), _("Inquiries turned into orders"),
    _("Conversion rate"), _("Complaints taken"), _("Callbacks done"), NULL });
  for (guint i = 0; i < dashboard->clerks->len; i++)
    {
      const KefuDashboardClerk *clerk = &g_array_index (dashboard->clerks, KefuDashboardClerk, i);
      g_autofree char *calls = g_strdup_printf ("%u", clerk->calls);
      g_autofree char *inquiries = g_strdup_printf ("%u", clerk->inquiries);
      g_autofree char *converted = g_strdup_printf ("%u", clerk->converted);
      g_autofree char *conversion = conversion_text (clerk);
      g_autofree char *complaints = g_strdup_printf ("%u", clerk->complaints);
      g_autofree char *callbacks = g_strdup_printf ("%u", clerk->callbacks_done);

      kefu_csv_append_row (out, (const char *[]) { clerk->name, calls, inquiries, converted,
                                                   conversion, complaints, callbacks, NULL });
    }
}

void
kefu_dashboard_report_append_csv (GString             *out,
                                  const KefuDashboard *dashboard,
                                  const char          *section_id,
                                  const char          *period_text)
{
  g_autoptr(GPtrArray) sections = NULL;
  gboolean first = TRUE;

  g_return_if_fail (out != NULL);
  g_return_if_fail (dashboard != NULL);

  kefu_csv_append_row (out, (const char *[]) { _("Period"), period_text, NULL });
  sections = kefu_dashboard_sections_new (dashboard);
  for (guint i = 0; i < sections->len; i++)
    {
      const KefuDashboardSection *section = g_ptr_array_index (sections, i);

      if (section_id != NULL && g_strcmp0 (section_id, section->id) != 0)
        continue;
      kefu_csv_append_row (out, (const char *[]) { "", NULL });
      first = FALSE;
      append_tiles_csv (out, section);
      for (guint c = 0; c < section->charts->len; c++)
        append_chart_csv (out, &g_array_index (section->charts, KefuDashboardChart, c));
    }
  if (section_id == NULL || g_strcmp0 (section_id, "clerks") == 0)
    {
      if (!first || section_id == NULL)
        kefu_csv_append_row (out, (const char *[]) { "", NULL });
      append_clerks_csv (out, dashboard);
    }
}

/* The printed report */

static void
draw_chart (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  KefuChartPalette palette;
  KefuChartData *data = user_data;
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  /* The chart's title over it, in the words of the section's table. */
  pango_font_description_set_size (font, 9 * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, kefu_chart_data_get_title (data), -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  g_object_unref (layout);

  kefu_chart_palette_init_print (&palette);
  kefu_chart_data_set_text_size (data, 7.5);
  cairo_save (cr);
  cairo_translate (cr, 0, TITLE_HEIGHT);
  kefu_chart_draw (cr, data, width, height - TITLE_HEIGHT, &palette);
  cairo_restore (cr);
}

static void
add_section (KefuPrintDocument          *document,
             const KefuDashboardSection *section)
{
  static const double widths[] = { 0.28, 0.12, 0.12, 0.26, 0.22 };
  const char *titles[] = { _("Figure"), _("This period"), _("Previous period"), _("Change"),
                           _("Note") };
  int table;

  kefu_print_document_add_heading (document, section->title);
  table = kefu_print_document_add_table_head (document, G_N_ELEMENTS (titles), titles, widths);
  for (guint i = 0; i < section->tiles->len; i++)
    {
      const KefuDashboardTile *tile = &g_array_index (section->tiles, KefuDashboardTile, i);
      g_autofree char *value = kefu_dashboard_format_value (tile->format, tile->has_value,
                                                            tile->value);
      g_autofree char *previous = tile->has_previous ?
                                  kefu_dashboard_format_value (tile->format, TRUE,
                                                               tile->previous) : g_strdup ("");
      g_autofree char *change = kefu_dashboard_format_change (tile);
      const char *cells[] = { tile->title, value, previous, change, tile->subtitle };

      kefu_print_document_add_table_row (document, table, cells);
    }
  for (guint c = 0; c < section->charts->len; c++)
    {
      const KefuDashboardChart *chart = &g_array_index (section->charts, KefuDashboardChart, c);
      g_autofree char *text = kefu_chart_data_to_text (chart->data);

      kefu_print_document_add_drawing (document, CHART_HEIGHT, text, draw_chart,
                                       kefu_chart_data_copy (chart->data),
                                       (GDestroyNotify) kefu_chart_data_free);
    }
}

static void
add_clerks (KefuPrintDocument   *document,
            const KefuDashboard *dashboard)
{
  /* Six columns at most a printed table: the conversion rate's cell says the converted ones. */
  static const double widths[] = { 0.25, 0.15, 0.15, 0.15, 0.15, 0.15 };
  const char *titles[] = { _("Clerk"), _("Calls served"), _("Inquiries"),
                           _("Conversion rate (converted)"), _("Complaints taken"),
                           _("Callbacks done") };
  int table;

  kefu_print_document_add_heading (document, _("Clerks"));
  table = kefu_print_document_add_table_head (document, G_N_ELEMENTS (titles), titles, widths);
  for (guint i = 0; i < dashboard->clerks->len; i++)
    {
      const KefuDashboardClerk *clerk = &g_array_index (dashboard->clerks, KefuDashboardClerk, i);
      g_autofree char *calls = g_strdup_printf ("%u", clerk->calls);
      g_autofree char *inquiries = g_strdup_printf ("%u", clerk->inquiries);
      g_autofree char *rate = conversion_text (clerk);
      g_autofree char *conversion = g_strdup_printf ("%s (%u)", rate, clerk->converted);
      g_autofree char *complaints = g_strdup_printf ("%u", clerk->complaints);
      g_autofree char *callbacks = g_strdup_printf ("%u", clerk->callbacks_done);
      const char *cells[] = { clerk->name, calls, inquiries, conversion, complaints, callbacks };

      kefu_print_document_add_table_row (document, table, cells);
    }
}

KefuPrintDocument *
kefu_dashboard_report_document (const KefuDashboard *dashboard,
                                const char          *period_text,
                                const char          *team_text)
{
  KefuPrintDocument *document;
  g_autoptr(GPtrArray) sections = NULL;
  g_autofree char *reference = NULL;

  g_return_val_if_fail (dashboard != NULL, NULL);

  reference = kefu_dashboard_report_period_text (dashboard);
  /* Translators: the printed dashboard report's title (客服中心运营报表). */
  document = kefu_print_document_new (_("Customer Service Report"), reference);
  kefu_print_document_add_header_full (document, period_text,
                                       team_text != NULL ? team_text : _("All teams"));
  sections = kefu_dashboard_sections_new (dashboard);
  for (guint i = 0; i < sections->len; i++)
    add_section (document, g_ptr_array_index (sections, i));
  if (dashboard->clerks->len > 0)
    add_clerks (document, dashboard);
  return document;
}

gboolean
kefu_dashboard_report_save_csv (const KefuDashboard *dashboard,
                                const char          *section_id,
                                const char          *period_text,
                                KefuCsvEncoding      encoding,
                                const char          *path,
                                GError             **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (dashboard != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  kefu_dashboard_report_append_csv (text, dashboard, section_id, period_text);
  bytes = kefu_csv_encode_records (text->str, text->len, encoding, error);
  return bytes != NULL && kefu_atomic_file_set_contents (path, bytes, error);
}

gboolean
kefu_dashboard_report_save_pdf (const KefuDashboard *dashboard,
                                const char          *period_text,
                                const char          *team_text,
                                const char          *path,
                                GError             **error)
{
  g_autoptr(KefuPrintDocument) document = NULL;

  g_return_val_if_fail (dashboard != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  document = kefu_dashboard_report_document (dashboard, period_text, team_text);
  return kefu_report_document_save_pdf (document, path, error);
}
