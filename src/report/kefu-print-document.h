/* kefu-print-document.h: a record printed as the filled paper form a department keeps (the
 * complaint record, the dispatch note, the service feedback form): a list of rows (the title,
 * the reference, section headings, bordered label / value cells, tables whose header repeats on
 * each page they continue on, signature boxes, the timeline) laid out on pages and drawn with
 * cairo and Pango, so that the same drawing serves GtkPrintOperation and a PDF file.
 *
 * A row is kept whole on a page unless it is a long text (taller than a third of the page),
 * which breaks between its lines and goes on at the top of the next page.
 *
 * Each form's file reads its record from the store and turns it into rows with the
 * kefu_print_document_add_* functions (any thread); kefu_print_document_save_pdf () does the
 * rest, or kefu_print_document_run () (widgets/kefu-print-document.h) through the print dialog.
 *
 * This half uses no GTK, so that kefuctl writes reports without a display; the print dialog's
 * half is the UI library's widgets/kefu-print-document.h, which includes this header.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "core/kefu-event.h"
#include "store/kefu-store.h"

G_BEGIN_DECLS

/* A4 in points, and the margins of the PDF (a printer uses its page setup's). */
#define KEFU_PRINT_A4_WIDTH  595.276
#define KEFU_PRINT_A4_HEIGHT 841.89
#define KEFU_PRINT_MARGIN    42.52   /* 15 mm */

/* The most cells a row or a table has. */
#define KEFU_PRINT_MAX_CELLS 8

typedef struct _KefuPrintDocument KefuPrintDocument;

/* An empty form named `title` (the printed title, the PDF's and the print job's name) for the
 * record `reference` (on every page's foot and the file name "Print to File" offers). */
KefuPrintDocument *kefu_print_document_new            (const char         *title,
                                                       const char         *reference);
void               kefu_print_document_free           (KefuPrintDocument  *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuPrintDocument, kefu_print_document_free)

const char        *kefu_print_document_get_title      (KefuPrintDocument  *document);
const char        *kefu_print_document_get_reference  (KefuPrintDocument  *document);

/* The title centred, and under it when it was printed (left) and "No. <reference>" (right). */
void               kefu_print_document_add_header     (KefuPrintDocument  *document);
/* The same with other words under the title: `left` and `right` (a report's period and team
 * rather than a record's number). */
void               kefu_print_document_add_header_full (KefuPrintDocument *document,
                                                        const char        *left,
                                                        const char        *right);
/* A section's name. It stays on the page of the row under it. */
void               kefu_print_document_add_heading    (KefuPrintDocument  *document,
                                                       const char         *heading);
/* A row of one or two label / value pairs; a NULL second label makes the first value span the
 * row. Empty values stay empty boxes, as on paper. */
void               kefu_print_document_add_pairs      (KefuPrintDocument  *document,
                                                       const char         *label1,
                                                       const char         *value1,
                                                       const char         *label2,
                                                       const char         *value2);
/* Starts a table of `n_cells` columns (widths are fractions of the page's width summing to 1):
 * its header row, repeated on every page the table continues on. Returns the table's index for
 * kefu_print_document_add_table_row (). */
int                kefu_print_document_add_table_head (KefuPrintDocument  *document,
                                                       guint               n_cells,
                                                       const char *const  *titles,
                                                       const double       *widths);
/* A row of table `table`: one text a column (NULL: empty). */
void               kefu_print_document_add_table_row  (KefuPrintDocument  *document,
                                                       int                 table,
                                                       const char *const  *cells);
/* The totals row of table `table`: like a row, shaded and bold as the header is. */
void               kefu_print_document_add_table_totals (KefuPrintDocument *document,
                                                         int                table,
                                                         const char *const *cells);
/* A row of `n_boxes` equal boxes to sign in, each with its label (who signs) at the top. */
void               kefu_print_document_add_signatures (KefuPrintDocument  *document,
                                                       guint               n_boxes,
                                                       const char *const  *labels);

/* A drawing (a chart) `height` points tall across the page's width, kept whole on a page:
 * `draw` paints it with its top left corner at `cr`'s origin, in points; `destroy` frees
 * `user_data` with the document. `text` (may be NULL) is what kefu_print_document_page_text ()
 * gives for it. */
typedef void       (*KefuPrintDrawFunc)                (cairo_t            *cr,
                                                        double              width,
                                                        double              height,
                                                        gpointer            user_data);
void               kefu_print_document_add_drawing    (KefuPrintDocument  *document,
                                                       double              height,
                                                       const char         *text,
                                                       KefuPrintDrawFunc   draw,
                                                       gpointer            user_data,
                                                       GDestroyNotify      destroy);

/* The "Steps" section: a table of a record's steps with when each was taken and by whom;
 * returns the table for kefu_print_document_add_step (). */
int                kefu_print_document_add_steps_head (KefuPrintDocument  *document);
/* A step taken at `at` by `by`; nothing when `at` is NULL (the step was not taken). */
void               kefu_print_document_add_step       (KefuPrintDocument  *document,
                                                       int                 table,
                                                       const char         *step,
                                                       GDateTime          *at,
                                                       const char         *by);

typedef char      *(*KefuPrintEventWords)   (KefuEvent *event);
typedef GPtrArray *(*KefuPrintEventChanges) (KefuEvent *event);

/* The "Timeline" section: a table of the events (KefuEvent, oldest first) with when, who, the
 * event's title and its text and field changes, in the words the record's timeline gives. */
void               kefu_print_document_add_timeline   (KefuPrintDocument     *document,
                                                       GListModel            *events,
                                                       KefuPrintEventWords    title,
                                                       KefuPrintEventWords    text,
                                                       KefuPrintEventChanges  changes);

/* Words shared by the forms: "2026-10-30" ("" for an invalid or NULL day); Yes / No (是 / 否);
 * two texts joined for one cell ("超市购买, 华联超市"), leaving out the empty ones; when and
 * who. */
char              *kefu_print_format_day              (const GDate        *day);
const char        *kefu_print_yes_no                  (gboolean            value);
char              *kefu_print_join_two                (const char         *a,
                                                       const char         *b);
char              *kefu_print_who_when                (GDateTime          *at,
                                                       const char         *who);
/* "2026-11-27 14:30" in local time; "" for NULL. */
char              *kefu_print_format_time             (GDateTime          *time);

/* Lays the rows out on pages of `width` × `height` points (the printable area), measuring text
 * with `cr`'s target; returns the number of pages (at least 1). */
guint              kefu_print_document_paginate       (KefuPrintDocument  *document,
                                                       cairo_t            *cr,
                                                       double              width,
                                                       double              height);
/* Draws page `page` (from 0) at `cr`'s origin, in points. */
void               kefu_print_document_draw_page      (KefuPrintDocument  *document,
                                                       cairo_t            *cr,
                                                       guint               page);
/* Every text drawn on page `page`, one a line, in drawing order (for tests): a long text broken
 * across pages gives each page its part. */
char              *kefu_print_document_page_text      (KefuPrintDocument  *document,
                                                       guint               page);

/* Reads a record from the store into its form (any thread). */
typedef KefuPrintDocument *(*KefuPrintDocumentRead) (KefuStore     *store,
                                                     gint64         id,
                                                     GCancellable  *cancellable,
                                                     GError       **error);

/* Reads record `id` with `read` and writes it as a PDF file (A4), synchronously; for tests and
 * kefuctl. Nothing is written when the record cannot be read. */
gboolean           kefu_print_document_save_pdf       (KefuStore             *store,
                                                       gint64                 id,
                                                       KefuPrintDocumentRead  read,
                                                       const char            *path,
                                                       GError               **error);
/* Writes `document` as a PDF file (A4, the margins above); `error` says why it failed. */
gboolean           kefu_print_document_write_pdf      (KefuPrintDocument     *document,
                                                       const char            *path,
                                                       GError               **error);

G_END_DECLS
