/* kefu-callback-report-pdf.c: the callback summary report's rows (kefu-callback-report-pdf.h):
 * the figures with the previous period and the change, the coverage, the breakdowns, the chart
 * and the customers' words.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-print"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "kefu-callback-report-pdf.h"

/* The chart's height on the page, in points (about 7.5 cm). */
#define CHART_HEIGHT 210.0

static char *
count_text (guint n)
{
  return g_strdup_printf ("%u", n);
}

/* "75%" of `part` in `whole`; "–" when there is nothing to divide. */
static char *
percent_text (guint part,
              guint whole)
{
  if (whole == 0)
    return g_strdup ("–");
  return g_strdup_printf ("%.0f%%", 100.0 * part / whole);
}

/* "+3", "−2", "0": the change from the previous period. */
static char *
change_text (guint now,
             guint before)
{
  gint64 d = (gint64) now - (gint64) before;

  if (d == 0)
    return g_strdup ("0");
  return g_strdup_printf ("%s%" G_GINT64_FORMAT, d > 0 ? "+" : "−", ABS (d));
}

/* "+5 pts": the change of a share between the periods, in percentage points; "–" when either
 * has nothing to divide. */
static char *
points_text (guint now,
             guint now_whole,
             guint before,
             guint before_whole)
{
  double d;

  if (now_whole == 0 || before_whole == 0)
    return g_strdup ("–");
  d = 100.0 * now / now_whole - 100.0 * before / before_whole;
  if (d > -0.5 && d < 0.5)
    /* Translators: no change of a percentage between two periods (percentage points). */
    return g_strdup (_("0 pts"));
  /* Translators: the change of a percentage in percentage points, "+5 pts" / "−3 pts". */
  return g_strdup_printf (_("%s%.0f pts"), d > 0 ? "+" : "−", ABS (d));
}

static void
add_figure_row (KefuPrintDocument *document,
                int                table,
                const char        *name,
                guint              now,
                guint              before)
{
  g_autofree char *a = count_text (now);
  g_autofree char *b = count_text (before);
  g_autofree char *c = change_text (now, before);
  const char *cells[] = { name, a, b, c };

  kefu_print_document_add_table_row (document, table, cells);
}

static void
add_rate_row (KefuPrintDocument *document,
              int                table,
              const char        *name,
              guint              now,
              guint              now_whole,
              guint              before,
              guint              before_whole)
{
  g_autofree char *a = percent_text (now, now_whole);
  g_autofree char *b = percent_text (before, before_whole);
  g_autofree char *c = points_text (now, now_whole, before, before_whole);
  const char *cells[] = { name, a, b, c };

  kefu_print_document_add_table_row (document, table, cells);
}

static guint
answers (const KefuCallbackFigures *f)
{
  return f->satisfied + f->so_so + f->not_satisfied;
}

static void
add_figures (KefuPrintDocument        *document,
             const KefuCallbackReport *report)
{
  const KefuCallbackFigures *f = &report->figures;
  const KefuCallbackFigures *p = &report->previous;
  const char *titles[] = { _("Figure"), _("This period"), _("Previous period"), _("Change") };
  const double widths[] = { 0.40, 0.20, 0.20, 0.20 };
  int table;

  kefu_print_document_add_heading (document, _("Callbacks"));
  table = kefu_print_document_add_table_head (document, 4, titles, widths);
  add_figure_row (document, table, _("Callbacks due"), f->due, p->due);
  add_figure_row (document, table, _("Done on time"), f->on_time, p->on_time);
  add_figure_row (document, table, _("Done late"), f->late, p->late);
  add_figure_row (document, table, _("Unreachable"), f->unreachable, p->unreachable);
  add_figure_row (document, table, _("Still open"), f->open, p->open);
  add_rate_row (document, table, _("Done on time, of those due"), f->on_time, f->due,
                p->on_time, p->due);
  add_figure_row (document, table, C_("satisfaction", "Satisfied"), f->satisfied, p->satisfied);
  add_figure_row (document, table, C_("satisfaction", "So-so"), f->so_so, p->so_so);
  add_figure_row (document, table, C_("satisfaction", "Not satisfied"), f->not_satisfied,
                  p->not_satisfied);
  add_rate_row (document, table, _("Satisfied, of those answering"), f->satisfied,
                answers (f), p->satisfied, answers (p));
}

static void
add_coverage (KefuPrintDocument        *document,
              const KefuCallbackReport *report)
{
  g_autofree char *members = count_text (report->n_members);
  g_autofree char *covered = count_text (report->n_members_covered);
  g_autofree char *missing = count_text (report->n_members - MIN (report->n_members_covered,
                                                                  report->n_members));
  g_autofree char *share = percent_text (report->n_members_covered, report->n_members);
  /* Translators: the members' coverage against its target, "77% (target 100%)". */
  g_autofree char *coverage = g_strdup_printf (_("%s (target 100%%)"), share);

  kefu_print_document_add_heading (document, _("Member Satisfaction Survey"));
  kefu_print_document_add_pairs (document, _("Members"), members, _("Surveyed this period"),
                                 covered);
  kefu_print_document_add_pairs (document, _("Coverage"), coverage, _("Not surveyed yet"),
                                 missing);
}

static void
add_breakdowns (KefuPrintDocument *document,
                const char        *heading,
                const char        *first_title,
                GArray            *breakdowns,
                gboolean           by_reason)
{
  const char *titles[] = {
    first_title, _("Due"), _("On time / late / unreachable"),
    C_("satisfaction", "Satisfied"), C_("satisfaction", "So-so"),
    C_("satisfaction", "Not satisfied"),
  };
  const double widths[] = { 0.26, 0.10, 0.22, 0.14, 0.14, 0.14 };
  int table;

  kefu_print_document_add_heading (document, heading);
  table = kefu_print_document_add_table_head (document, 6, titles, widths);
  if (breakdowns == NULL || breakdowns->len == 0)
    {
      const char *cells[] = { _("No callbacks in this period."), NULL, NULL, NULL, NULL, NULL };

      kefu_print_document_add_table_row (document, table, cells);
      return;
    }
  for (guint i = 0; i < breakdowns->len; i++)
    {
      const KefuCallbackBreakdown *b = &g_array_index (breakdowns, KefuCallbackBreakdown, i);
      const KefuCallbackFigures *f = &b->figures;
      const char *name = by_reason ? kefu_callback_reason_get_display_name (b->reason)
                                   : b->name != NULL ? b->name : _("Not assigned");
      g_autofree char *due = count_text (f->due);
      g_autofree char *done_text = g_strdup_printf ("%u / %u / %u", f->on_time, f->late,
                                                    f->unreachable);
      g_autofree char *s = count_text (f->satisfied);
      g_autofree char *m = count_text (f->so_so);
      g_autofree char *n = count_text (f->not_satisfied);
      const char *cells[] = { name, due, done_text, s, m, n };

      kefu_print_document_add_table_row (document, table, cells);
    }
}

static void
add_words (KefuPrintDocument        *document,
           const KefuCallbackReport *report)
{
  const char *titles[] = {
    _("Done"), _("Customer"), _("Clerk"),
    /* Translators: the column of the customer's satisfaction answer at a callback. */
    C_("callback report", "Answer"), _("What the customer said"),
  };
  const double widths[] = { 0.18, 0.14, 0.10, 0.13, 0.45 };
  int table;

  kefu_print_document_add_heading (document, _("Suggestions and Complaints from Customers"));
  table = kefu_print_document_add_table_head (document, 5, titles, widths);
  if (report->words == NULL || report->words->len == 0)
    {
      const char *cells[] = { NULL, NULL, NULL, NULL, _("Nothing was said in this period.") };

      kefu_print_document_add_table_row (document, table, cells);
      return;
    }
  for (guint i = 0; i < report->words->len; i++)
    {
      const KefuCallbackWords *w = report->words->pdata[i];
      g_autofree char *when = kefu_print_format_time (w->done_at);
      const char *answer = w->satisfaction != KEFU_SATISFACTION_UNSPECIFIED ?
        kefu_satisfaction_get_display_name (w->satisfaction) : NULL;
      const char *cells[] = { when, w->customer_name, w->clerk_name, answer, w->words };

      kefu_print_document_add_table_row (document, table, cells);
    }
}

/**
 * kefu_callback_report_document:
 *
 * Returns: (transfer full): the report's printed document
 */
KefuPrintDocument *
kefu_callback_report_document (const KefuCallbackReport *report,
                               const char               *title_suffix)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *period = NULL;
  g_autofree char *team = NULL;
  g_autofree char *made = NULL;
  g_autofree char *archive = NULL;
  g_autofree char *left = NULL;
  KefuPrintDocument *document;

  g_return_val_if_fail (report != NULL, NULL);

  first = kefu_print_format_day (&report->first);
  last = kefu_print_format_day (&report->last);
  /* Translators: a report's period, its first and last days, "2026-11-01 – 2026-11-30". */
  period = g_strdup_printf (_("%s – %s"), first, last);
  document = kefu_print_document_new (_("Callback Summary Report"), period);

  /* Translators: under the report's title, the team or clerk it is about, "Team: 客服一组". */
  team = g_strdup_printf (_("Team: %s"), title_suffix != NULL && *title_suffix != '\0' ?
                          title_suffix : _("All teams"));
  /* Translators: under the report's title, "Period: 2026-11-01 – 2026-11-30". */
  left = g_strdup_printf (_("Period: %s"), period);
  kefu_print_document_add_header_full (document, left, team);

  made = kefu_print_format_time (report->made_at);
  archive = report->archive_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, report->archive_id)
                                   : g_strdup (_("Not archived"));
  kefu_print_document_add_pairs (document, _("Made"), made, _("Archive No."), archive);

  add_figures (document, report);
  add_coverage (document, report);
  add_breakdowns (document, _("Satisfaction by Reason"),
                  /* Translators: why a callback was made (after service, survey …). */
                  C_("callback report", "Reason"), report->by_reason, TRUE);
  add_breakdowns (document, _("Satisfaction by Clerk"), _("Clerk"), report->by_clerk, FALSE);
  kefu_print_document_add_heading (document, _("Satisfaction over the Weeks"));
  kefu_callback_report_add_chart (document, report->weeks, CHART_HEIGHT);
  add_words (document, report);
  return document;
}

gboolean
kefu_callback_report_save_pdf (const KefuCallbackReport  *report,
                               const char                *title_suffix,
                               const char                *path,
                               GError                   **error)
{
  g_autoptr(KefuPrintDocument) document = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = kefu_callback_report_document (report, title_suffix);
  return kefu_print_document_write_pdf (document, path, error);
}
