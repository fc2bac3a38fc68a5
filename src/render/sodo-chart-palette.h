/* sodo-chart-palette.h: the colours a chart is drawn with
 *
 * Two palettes follow the GNOME light and dark styles; the chart widget picks one from the
 * style manager, print and export usually take the light one. Kind and relation colours come
 * from the data; the palette says how they are used (tints, the dark style's lightening).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double red;     /* 0 .. 1 */
  double green;
  double blue;
  double alpha;
} SodoChartColor;

typedef struct {
  gboolean       dark;
  SodoChartColor background;
  SodoChartColor card;               /* card fill */
  SodoChartColor card_border;       /* outline, over the background */
  SodoChartColor text;               /* names */
  SodoChartColor secondary_text;     /* short name or host, figures */
  SodoChartColor connector;          /* tree connectors */
  SodoChartColor selection;          /* ring around the selected card */
  SodoChartColor hover;              /* ring around the card under the pointer */
  SodoChartColor match;              /* fill of cards matching a search */
  SodoChartColor match_border;
  SodoChartColor badge;              /* "+N" on collapsed cards */
  SodoChartColor badge_text;
  SodoChartColor label_background;   /* behind relation labels */
  SodoChartColor legend_background;
  SodoChartColor legend_border;
  /* Share of the kind colour in a card's fill when cards are drawn as plain rectangles. */
  double         block_tint;
  /* Share of white mixed into data colours (kinds, relations) so they read on the
   * background: 0 in the light palette. */
  double         data_lighten;
} SodoChartPalette;

const SodoChartPalette *sodo_chart_palette_light (void);
const SodoChartPalette *sodo_chart_palette_dark  (void);

/* 0xRRGGBB to a colour. */
SodoChartColor          sodo_chart_color_from_rgb (guint32        rgb,
                                                   double         alpha);
/* (1 - amount) * a + amount * b, alpha included. */
SodoChartColor          sodo_chart_color_mix      (SodoChartColor a,
                                                   SodoChartColor b,
                                                   double         amount);

G_END_DECLS
