/* sodo-chart-palette.c: the light and dark palettes
 *
 * The values follow libadwaita's named colours (window and card backgrounds, the blue
 * accent, the yellow used for search matches), so the chart sits in a GNOME window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-chart-palette.h"

#define RGB(r, g, b)     { (r) / 255.0, (g) / 255.0, (b) / 255.0, 1.0 }
#define RGBA(r, g, b, a) { (r) / 255.0, (g) / 255.0, (b) / 255.0, (a) }

static const SodoChartPalette light_palette = {
  .dark = FALSE,
  .background = RGB (0xf6, 0xf5, 0xf4),
  .card = RGB (0xff, 0xff, 0xff),
  .card_border = RGBA (0x00, 0x00, 0x00, 0.18),
  .text = RGBA (0x00, 0x00, 0x00, 0.85),
  .secondary_text = RGBA (0x00, 0x00, 0x00, 0.60),
  .connector = RGB (0x9a, 0x99, 0x96),
  .selection = RGB (0x35, 0x84, 0xe4),
  .hover = RGBA (0x35, 0x84, 0xe4, 0.55),
  .match = RGBA (0xf8, 0xe4, 0x5c, 0.55),
  .match_border = RGB (0xe5, 0xa5, 0x0a),
  .badge = RGB (0x35, 0x84, 0xe4),
  .badge_text = RGB (0xff, 0xff, 0xff),
  .label_background = RGBA (0xf6, 0xf5, 0xf4, 0.90),
  .legend_background = RGB (0xff, 0xff, 0xff),
  .legend_border = RGBA (0x00, 0x00, 0x00, 0.18),
  .block_tint = 0.30,
  .data_lighten = 0.0,
};

static const SodoChartPalette dark_palette = {
  .dark = TRUE,
  .background = RGB (0x24, 0x24, 0x24),
  .card = RGB (0x38, 0x38, 0x38),
  .card_border = RGBA (0xff, 0xff, 0xff, 0.14),
  .text = RGB (0xff, 0xff, 0xff),
  .secondary_text = RGBA (0xff, 0xff, 0xff, 0.68),
  .connector = RGB (0x77, 0x76, 0x7b),
  .selection = RGB (0x78, 0xae, 0xed),
  .hover = RGBA (0x78, 0xae, 0xed, 0.60),
  .match = RGBA (0xf5, 0xc2, 0x11, 0.35),
  .match_border = RGB (0xf8, 0xe4, 0x5c),
  .badge = RGB (0x35, 0x84, 0xe4),
  .badge_text = RGB (0xff, 0xff, 0xff),
  .label_background = RGBA (0x24, 0x24, 0x24, 0.90),
  .legend_background = RGB (0x30, 0x30, 0x30),
  .legend_border = RGBA (0xff, 0xff, 0xff, 0.14),
  .block_tint = 0.45,
  .data_lighten = 0.25,
};

const SodoChartPalette *
sodo_chart_palette_light (void)
{
  return &light_palette;
}

const SodoChartPalette *
sodo_chart_palette_dark (void)
{
  return &dark_palette;
}

SodoChartColor
sodo_chart_color_from_rgb (guint32 rgb,
                           double  alpha)
{
  SodoChartColor color = {
    ((rgb >> 16) & 0xff) / 255.0,
    ((rgb >> 8) & 0xff) / 255.0,
    (rgb & 0xff) / 255.0,
    alpha,
  };

  return color;
}

SodoChartColor
sodo_chart_color_mix (SodoChartColor a,
                      SodoChartColor b,
                      double         amount)
{
  SodoChartColor color = {
    a.red + (b.red - a.red) * amount,
    a.green + (b.green - a.green) * amount,
    a.blue + (b.blue - a.blue) * amount,
    a.alpha + (b.alpha - a.alpha) * amount,
  };

  return color;
}
