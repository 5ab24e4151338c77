/* kefu-print-test.h: what the printed forms' tests share: a PDF's page count as cairo writes it
 * (the forms' own PDFs and GTK's "Print to File"), and a form laid out on A4 as its PDF is
 * (drawn as PNGs for a person to look at when KEFU_TEST_PRINT_PNG names a folder). Header-only,
 * like kefu-ui-test.h.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <gio/gio.h>

#include "widgets/kefu-print-document.h"

/* The page objects in `length` bytes of PDF: each one's dictionary says /Type /Page. */
static inline guint
kefu_print_test_count_page_objects (const char *contents,
                                    gsize       length)
{
  const char *p = contents;
  const char *end = contents + length;
  guint n = 0;

  while (p < end && (p = memmem (p, end - p, "/Type /Page", 11)) != NULL)
    {
      p += 11;
      if (p < end && *p != 's')
        n++;
    }
  return n;
}

/* The pages of a PDF as cairo writes it: in the open for PDF 1.4 (the forms' own PDFs), and
 * also inside the compressed object streams of PDF 1.5 and later (GTK's "Print to File"). */
static inline guint
kefu_print_test_count_pages (const char *contents,
                             gsize       length)
{
  const char *p = contents;
  const char *end = contents + length;
  guint n = kefu_print_test_count_page_objects (contents, length);

  while (p < end && (p = memmem (p, end - p, "/Type /ObjStm", 13)) != NULL)
    {
      g_autoptr(GConverter) inflate = NULL;
      g_autoptr(GInputStream) data = NULL;
      g_autoptr(GInputStream) inflated = NULL;
      g_autoptr(GOutputStream) out = NULL;
      const char *stream = memmem (p, end - p, "stream", 6);
      const char *stop;

      g_assert_nonnull (stream);
      stream += 6;
      stream += *stream == '\r' ? 1 : 0;
      stream += *stream == '\n' ? 1 : 0;
      stop = memmem (stream, end - stream, "endstream", 9);
      g_assert_nonnull (stop);

      inflate = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      data = g_memory_input_stream_new_from_data (stream, stop - stream, NULL);
      inflated = g_converter_input_stream_new (data, inflate);
      out = g_memory_output_stream_new_resizable ();
      g_assert_cmpint (g_output_stream_splice (out, inflated,
                                               G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL),
                       >, 0);
      n += kefu_print_test_count_page_objects (
        g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
        g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
      p = stop;
    }
  return n;
}

/* Lays `document` out on A4 within the PDF's margins, measuring text as an image surface does;
 * returns it (for chaining) with its page count in `n_pages`. With KEFU_TEST_PRINT_PNG set to a
 * folder, the pages are drawn there as <name>-<page>.png at 144 dpi. */
static inline KefuPrintDocument *
kefu_print_test_lay_out (KefuPrintDocument *document,
                         const char        *name,
                         guint             *n_pages)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  const char *folder = g_getenv ("KEFU_TEST_PRINT_PNG");

  g_assert_nonnull (document);
  *n_pages = kefu_print_document_paginate (document, cr,
                                           KEFU_PRINT_A4_WIDTH - 2 * KEFU_PRINT_MARGIN,
                                           KEFU_PRINT_A4_HEIGHT - 2 * KEFU_PRINT_MARGIN);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  for (guint i = 0; folder != NULL && i < *n_pages; i++)
    {
      /* 2 pixels a point: 144 dpi. */
      cairo_surface_t *page = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                          (int) (KEFU_PRINT_A4_WIDTH * 2),
                                                          (int) (KEFU_PRINT_A4_HEIGHT * 2));
      cairo_t *page_cr = cairo_create (page);
      g_autofree char *path = g_strdup_printf ("%s/%s-%u.png", folder, name, i + 1);

      cairo_set_source_rgb (page_cr, 1, 1, 1);
      cairo_paint (page_cr);
      cairo_scale (page_cr, 2, 2);
      cairo_translate (page_cr, KEFU_PRINT_MARGIN, KEFU_PRINT_MARGIN);
      kefu_print_document_draw_page (document, page_cr, i);
      cairo_surface_write_to_png (page, path);
      cairo_destroy (page_cr);
      cairo_surface_destroy (page);
    }
  return document;
}
