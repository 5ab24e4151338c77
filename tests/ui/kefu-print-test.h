/* kefu-print-test.h: what the printed forms' tests share: a PDF's page count as cairo writes it,
 * and a form laid out on A4 as its PDF is (drawn as PNGs for a person to look at when
 * KEFU_TEST_PRINT_PNG names a folder). Header-only, like kefu-ui-test.h.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "widgets/kefu-print-document.h"

/* The pages of a PDF as cairo writes them (PDF 1.4: no object streams): each page object's
 * dictionary says /Type /Page. */
static inline guint
kefu_print_test_count_pages (const char *contents,
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
