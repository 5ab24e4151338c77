/* kefu-chart-palette.c: the colours and patterns charts are drawn in (kefu-chart-draw.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-chart"

#include "config.h"

#include <string.h>

#include "kefu-chart-draw.h"

#define RGB(hex) \
  { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* The GNOME palette's blue, orange, purple, green, yellow and brown (libadwaita's named
 * colours), in the shade that reads on each background: darker on light, lighter on dark.
 * Red stays out: on a dashboard it reads as "bad". */
static const KefuChartRgba light[KEFU_CHART_MAX_SERIES] = {
  RGB (0x1c71d8), RGB (0xe66100), RGB (0x9141ac), RGB (0x26a269), RGB (0xe5a50a), RGB (0x986a44),
};
static const KefuChartRgba dark[KEFU_CHART_MAX_SERIES] = {
  RGB (0x62a0ea), RGB (0xffa348), RGB (0xdc8add), RGB (0x57e389), RGB (0xf6d32d), RGB (0xcdab8f),
};
/* High contrast: the palette's darkest and lightest shades. */
static const KefuChartRgba light_hc[KEFU_CHART_MAX_SERIES] = {
  RGB (0x1a5fb4), RGB (0xc64600), RGB (0x613583), RGB (0x26a269), RGB (0x63452c), RGB (0xa51d2d),
};
static const KefuChartRgba dark_hc[KEFU_CHART_MAX_SERIES] = {
  RGB (0x99c1f1), RGB (0xffbe6f), RGB (0xdc8add), RGB (0x8ff0a4), RGB (0xf9f06b), RGB (0xcdab8f),
};

static const KefuChartFill patterns[KEFU_CHART_MAX_SERIES] = {
  KEFU_CHART_FILL_SOLID, KEFU_CHART_FILL_HATCH, KEFU_CHART_FILL_CROSS, KEFU_CHART_FILL_DOTS,
  KEFU_CHART_FILL_VERTICAL, KEFU_CHART_FILL_HORIZONTAL,
};

void
kefu_chart_palette_init_screen (KefuChartPalette    *palette,
                                const KefuChartRgba *foreground,
                                gboolean             is_dark,
                                gboolean             high_contrast)
{
  const KefuChartRgba *series;
  static const KefuChartRgba black = { 0, 0, 0, 1 };
  static const KefuChartRgba white = { 1, 1, 1, 1 };

  g_return_if_fail (palette != NULL);
  g_return_if_fail (foreground != NULL);

  memset (palette, 0, sizeof *palette);
  palette->foreground = *foreground;
  palette->grid = *foreground;
  palette->grid.alpha = foreground->alpha * (high_contrast ? 0.45 : 0.15);
  /* The widget's own background shows through. */
  palette->background = (KefuChartRgba) { 0, 0, 0, 0 };
  if (high_contrast)
    series = is_dark ? dark_hc : light_hc;
  else
    series = is_dark ? dark : light;
  for (guint i = 0; i < KEFU_CHART_MAX_SERIES; i++)
    {
      palette->series[i] = series[i];
      palette->line[i] = series[i];
      /* In high contrast the series differ by pattern as well as by colour. */
      palette->fill[i] = high_contrast ? patterns[i] : KEFU_CHART_FILL_SOLID;
    }
  palette->ink = is_dark ? black : white;
}

void
kefu_chart_palette_init_print (KefuChartPalette *palette)
{
  /* Greys a laser printer keeps apart, each with its own pattern. */
  static const double greys[KEFU_CHART_MAX_SERIES] = { 0.25, 0.78, 1.0, 0.92, 0.6, 1.0 };

  g_return_if_fail (palette != NULL);

  memset (palette, 0, sizeof *palette);
  palette->foreground = (KefuChartRgba) { 0, 0, 0, 1 };
  palette->grid = (KefuChartRgba) { 0.8, 0.8, 0.8, 1 };
  palette->background = (KefuChartRgba) { 1, 1, 1, 1 };
  palette->ink = (KefuChartRgba) { 0, 0, 0, 1 };
  for (guint i = 0; i < KEFU_CHART_MAX_SERIES; i++)
    {
      palette->series[i] = (KefuChartRgba) { greys[i], greys[i], greys[i], 1 };
      /* Lines are black and differ by dash. */
      palette->line[i] = (KefuChartRgba) { 0, 0, 0, 1 };
      palette->fill[i] = patterns[i];
    }
}
