/* kefu-complaint-print-private.h: the printed complaint record as a document: read from the
 * store (any thread), laid out on pages of a given size, drawn page by page on any cairo
 * context (a PDF surface, a printer's, an image for a test).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "kefu-complaint-print.h"

G_BEGIN_DECLS

/* A4 in points, and the margins of the PDF (a printer uses its page setup's). */
#define KEFU_PRINT_A4_WIDTH  595.276
#define KEFU_PRINT_A4_HEIGHT 841.89
#define KEFU_PRINT_MARGIN    42.52   /* 15 mm */

typedef struct _KefuPrintDocument KefuPrintDocument;

/* Reads everything the record shows (the call, the card, the visits, the timeline) and turns it
 * into the form's rows, in the current locale's words. Any thread. */
KefuPrintDocument *_kefu_print_document_read      (KefuStore          *store,
                                                   gint64              complaint_id,
                                                   GCancellable       *cancellable,
                                                   GError            **error);
void               _kefu_print_document_free      (KefuPrintDocument  *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuPrintDocument, _kefu_print_document_free)

/* Lays the rows out on pages of `width` × `height` points (the printable area), measuring text
 * with `cr`'s target; returns the number of pages. */
guint              _kefu_print_document_paginate  (KefuPrintDocument  *document,
                                                   cairo_t            *cr,
                                                   double              width,
                                                   double              height);
/* Draws page `page` (from 0) at `cr`'s origin, in points. */
void               _kefu_print_document_draw_page (KefuPrintDocument  *document,
                                                   cairo_t            *cr,
                                                   guint               page);
/* Every text drawn on page `page`, one a line, in drawing order (for tests). */
char              *_kefu_print_document_page_text (KefuPrintDocument  *document,
                                                   guint               page);
const char        *_kefu_print_document_get_reference (KefuPrintDocument *document);

G_END_DECLS
