/* kefu-print-document.c: the rows of a printed form (kefu-print-document.h): the header,
 * headings, label / value pairs, tables, signature boxes and the timeline, and the words the
 * forms share. kefu-print-document-layout.c lays the rows out.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-print"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-complaint-timeline.h"

#include "kefu-print-document-private.h"

static const double LABEL_WIDTH = 0.19;

static void
row_free (Row *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    g_free (row->text[i]);
  if (row->draw_destroy != NULL)
    row->draw_destroy (row->draw_data);
  g_free (row);
}

KefuPrintDocument *
kefu_print_document_new (const char *title,
                         const char *reference)
{
  KefuPrintDocument *document;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *printed = NULL;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  document = g_new0 (KefuPrintDocument, 1);
  now = g_date_time_new_now_utc ();
  printed = kefu_print_format_time (now);
  document->title = g_strdup (title);
  document->reference = g_strdup (reference);
  /* Translators: under the title of a printed form (a complaint record, a dispatch note). */
  document->printed_at = g_strdup_printf (_("Printed %s"), printed);
  document->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  document->heads = g_array_new (FALSE, FALSE, sizeof (guint));
  document->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return document;
}

void
kefu_print_document_free (KefuPrintDocument *document)
{
  if (document == NULL)
    return;

  g_free (document->title);
  g_free (document->reference);
  g_free (document->printed_at);
  g_clear_pointer (&document->rows, g_ptr_array_unref);
  g_clear_pointer (&document->heads, g_array_unref);
  g_clear_pointer (&document->pages, g_ptr_array_unref);
  g_clear_object (&document->context);
  g_free (document);
}

const char *
kefu_print_document_get_title (KefuPrintDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  return document->title;
}

const char *
kefu_print_document_get_reference (KefuPrintDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  return document->reference;
}

static Row *
add_row (KefuPrintDocument *document,
         RowKind            kind)
{
  Row *row = g_new0 (Row, 1);

  row->kind = kind;
  row->table = -1;
  g_ptr_array_add (document->rows, row);
  return row;
}

static void
add_text_row (KefuPrintDocument *document,
              RowKind            kind,
              const char        *text,
              const char        *second)
{
  Row *row = add_row (document, kind);

  row->n_cells = second != NULL ? 2 : 1;
  row->text[0] = g_strdup (text);
  row->widths[0] = second != NULL ? 0.5 : 1.0;
  if (second != NULL)
    {
      row->text[1] = g_strdup (second);
      row->widths[1] = 0.5;
    }
}

void
kefu_print_document_add_header (KefuPrintDocument *document)
{
  g_autofree char *number = NULL;

  g_return_if_fail (document != NULL);

  /* Translators: the reference number at the top of a printed form, "No. TS-20261127-0001". */
  number = g_strdup_printf (_("No. %s"), document->reference);
  kefu_print_document_add_header_full (document, document->printed_at, number);
}

void
kefu_print_document_add_header_full (KefuPrintDocument *document,
                                     const char        *left,
                                     const char        *right)
{
  g_return_if_fail (document != NULL);
  g_return_if_fail (left != NULL && right != NULL);

  add_text_row (document, ROW_TITLE, document->title, NULL);
  add_text_row (document, ROW_META, left, right);
}

void
kefu_print_document_add_drawing (KefuPrintDocument *document,
                                 double             height,
                                 const char        *text,
                                 KefuPrintDrawFunc  draw,
                                 gpointer           user_data,
                                 GDestroyNotify     destroy)
{
  Row *row;

  g_return_if_fail (document != NULL);
  g_return_if_fail (height > 0);
  g_return_if_fail (draw != NULL);

  row = add_row (document, ROW_DRAWING);
  row->n_cells = 1;
  row->text[0] = g_strdup (text != NULL ? text : "");
  row->widths[0] = 1.0;
  row->drawing_height = height;
  row->draw = draw;
  row->draw_data = user_data;
  row->draw_destroy = destroy;
}

void
kefu_print_document_add_heading (KefuPrintDocument *document,
                                 const char        *heading)
{
  g_return_if_fail (document != NULL);

  add_text_row (document, ROW_HEADING, heading, NULL);
}

void
kefu_print_document_add_pairs (KefuPrintDocument *document,
                               const char        *label1,
                               const char        *value1,
                               const char        *label2,
                               const char        *value2)
{
  Row *row;

  g_return_if_fail (document != NULL);
  g_return_if_fail (label1 != NULL);

  row = add_row (document, ROW_CELLS);
  row->text[0] = g_strdup (label1);
  row->label[0] = TRUE;
  row->widths[0] = LABEL_WIDTH;
  row->text[1] = g_strdup (value1 != NULL ? value1 : "");
  if (label2 == NULL)
    {
      row->n_cells = 2;
      row->widths[1] = 1.0 - LABEL_WIDTH;
      return;
    }

  row->n_cells = 4;
  row->widths[1] = 0.5 - LABEL_WIDTH;
  row->text[2] = g_strdup (label2);
  row->label[2] = TRUE;
  row->widths[2] = LABEL_WIDTH;
  row->text[3] = g_strdup (value2 != NULL ? value2 : "");
  row->widths[3] = 0.5 - LABEL_WIDTH;
}

int
kefu_print_document_add_table_head (KefuPrintDocument *document,
                                    guint              n_cells,
                                    const char *const *titles,
                                    const double      *widths)
{
  Row *row;
  guint index;

  g_return_val_if_fail (document != NULL, -1);
  g_return_val_if_fail (n_cells > 0 && n_cells <= KEFU_PRINT_MAX_CELLS, -1);

  row = add_row (document, ROW_CELLS);
  index = document->rows->len - 1;
  row->n_cells = n_cells;
  for (guint i = 0; i < n_cells; i++)
    {
      row->text[i] = g_strdup (titles[i]);
      row->widths[i] = widths[i];
      row->label[i] = TRUE;
    }
  g_array_append_val (document->heads, index);
  return document->heads->len - 1;
}

void
kefu_print_document_add_table_row (KefuPrintDocument *document,
                                   int                table,
                                   const char *const *cells)
{
  Row *head;
  Row *row;

  g_return_if_fail (document != NULL);
  g_return_if_fail (table >= 0 && (guint) table < document->heads->len);

  head = document->rows->pdata[g_array_index (document->heads, guint, table)];
  row = add_row (document, ROW_CELLS);
  row->n_cells = head->n_cells;
  row->table = table;
  for (guint i = 0; i < head->n_cells; i++)
    {
      row->text[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
      row->widths[i] = head->widths[i];
    }
}

void
kefu_print_document_add_table_totals (KefuPrintDocument *document,
                                      int                table,
                                      const char *const *cells)
{
  Row *row;

  g_return_if_fail (document != NULL);

  kefu_print_document_add_table_row (document, table, cells);
  row = document->rows->pdata[document->rows->len - 1];
  for (guint i = 0; i < row->n_cells; i++)
    row->label[i] = TRUE;
}

void
kefu_print_document_add_signatures (KefuPrintDocument *document,
                                    guint              n_boxes,
                                    const char *const *labels)
{
  Row *row;

  g_return_if_fail (document != NULL);
  g_return_if_fail (n_boxes > 0 && n_boxes <= KEFU_PRINT_MAX_CELLS);

  row = add_row (document, ROW_SIGNATURES);
  row->n_cells = n_boxes;
  for (guint i = 0; i < n_boxes; i++)
    {
      row->text[i] = g_strdup (labels[i]);
      row->widths[i] = 1.0 / n_boxes;
    }
}

int
kefu_print_document_add_steps_head (KefuPrintDocument *document)
{
  const char *titles[] = {
    C_("printed record", "Step"),
    C_("printed record", "When"),
    C_("printed record", "By"),
  };
  const double widths[] = { 0.4, 0.3, 0.3 };

  g_return_val_if_fail (document != NULL, -1);

  kefu_print_document_add_heading (document, C_("printed record", "Steps"));
  return kefu_print_document_add_table_head (document, 3, titles, widths);
}

void
kefu_print_document_add_step (KefuPrintDocument *document,
                              int                table,
                              const char        *step,
                              GDateTime         *at,
                              const char        *by)
{
  g_autofree char *when = NULL;

  g_return_if_fail (document != NULL);

  if (at == NULL)
    return;
  when = kefu_print_format_time (at);
  {
    const char *cells[] = { step, when, by };

    kefu_print_document_add_table_row (document, table, cells);
  }
}

void
kefu_print_document_add_timeline (KefuPrintDocument     *document,
                                  GListModel            *events,
                                  KefuPrintEventWords    title_func,
                                  KefuPrintEventWords    text_func,
                                  KefuPrintEventChanges  changes_func)
{
  const char *titles[] = {
    C_("printed record", "Time"),
    C_("printed record", "By"),
    C_("printed record", "Event"),
    C_("printed record", "Details"),
  };
  const double widths[] = { 0.17, 0.12, 0.28, 0.43 };
  guint n = events != NULL ? g_list_model_get_n_items (events) : 0;
  int table;

  g_return_if_fail (document != NULL);
  g_return_if_fail (title_func != NULL && text_func != NULL && changes_func != NULL);

  kefu_print_document_add_heading (document, C_("printed record", "Timeline"));
  table = kefu_print_document_add_table_head (document, 4, titles, widths);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (events, i);
      g_autofree char *when = kefu_print_format_time (kefu_event_get_created_at (event));
      g_autofree char *title = title_func (event);
      g_autofree char *text = text_func (event);
      g_autoptr(GPtrArray) changes = changes_func (event);
      g_autoptr(GString) details = g_string_new (text);
      const char *cells[4];

      for (guint j = 0; changes != NULL && j < changes->len; j++)
        {
          KefuFieldChange *change = changes->pdata[j];

          if (details->len > 0)
            g_string_append_c (details, '\n');
          /* Translators: a field changed, on the printed record's timeline: "Reason: old → new". */
          g_string_append_printf (details, C_("printed record", "%s: %s → %s"), change->label,
                                  change->old_value != NULL ? change->old_value : "—",
                                  change->new_value != NULL ? change->new_value : "—");
        }

      cells[0] = when;
      cells[1] = kefu_event_get_staff_name (event);
      cells[2] = title;
      cells[3] = details->str;
      kefu_print_document_add_table_row (document, table, cells);
    }
}

/* Words */

char *
kefu_print_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

char *
kefu_print_format_day (const GDate *day)
{
  char buffer[32];

  if (day == NULL || !g_date_valid (day))
    return g_strdup ("");
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", day);
  return g_strdup (buffer);
}

const char *
kefu_print_yes_no (gboolean value)
{
  /* Translators: an answer on a printed form (是 / 否). */
  return value ? C_("printed record", "Yes") : C_("printed record", "No");
}

char *
kefu_print_join_two (const char *a,
                     const char *b)
{
  gboolean has_a = a != NULL && *a != '\0';
  gboolean has_b = b != NULL && *b != '\0';

  if (has_a && has_b)
    /* Translators: two parts of one answer on a printed form, e.g. a purchase method and
     * place: "超市购买, 华联超市". */
    return g_strdup_printf (C_("printed record", "%s, %s"), a, b);
  return g_strdup (has_a ? a : has_b ? b : "");
}

char *
kefu_print_who_when (GDateTime  *at,
                     const char *who)
{
  g_autofree char *when = NULL;

  if (at == NULL)
    return g_strdup ("");
  when = kefu_print_format_time (at);
  if (who == NULL || *who == '\0')
    return g_steal_pointer (&when);
  /* The time first, as the timeline's rows and the complaint record's acknowledgements. */
  return g_strdup_printf ("%s  %s", when, who);
}
