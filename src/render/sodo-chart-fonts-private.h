/* sodo-chart-fonts-private.h: the card fonts, and fast text measuring for a million cards
 *
 * Measuring a card must not cost a PangoLayout: a chart of 1,000,000 units is measured in a
 * fraction of a second. Names are wrapped here by arithmetic over a per-code-point advance
 * table and a per-pair kerning table, both filled from Pango on first use, and the line
 * breaking follows the rules Pango applies to the text a chart holds (spaces, hyphens,
 * dashes, slashes). The renderer draws with the same context (metrics unhinted, glyph
 * positions unrounded), so the line count measured here is the one Pango produces; the
 * render tests check it on real names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef enum {
  _SODO_CHART_FONT_NAME,     /* unit names: bold */
  _SODO_CHART_FONT_DETAIL,   /* short name or host, figures */
  _SODO_CHART_FONT_SMALL,    /* badges, relation labels */
  _SODO_CHART_FONT_LEGEND,
  _SODO_CHART_FONT_LEGEND_TITLE,
  _SODO_CHART_N_FONTS
} SodoChartFont;

typedef struct _SodoChartFonts SodoChartFonts;

/* @family is a Pango family list ("Cantarell, DejaVu Sans, sans"); @size the name size in
 * points, the other fonts are derived from it. */
SodoChartFonts             *_sodo_chart_fonts_new             (const char     *family,
                                                               double          size);
void                        _sodo_chart_fonts_free            (SodoChartFonts *fonts);

/* The context every card layout is made from: independent of any cairo_t, so that a layout
 * shaped once can be drawn at every zoom level and on every surface. */
PangoContext               *_sodo_chart_fonts_get_context     (SodoChartFonts *fonts);
const PangoFontDescription *_sodo_chart_fonts_get             (SodoChartFonts *fonts,
                                                               SodoChartFont   font);
/* Height of @n_lines lines of @font, as a PangoLayout of that many lines reports it. */
double                      _sodo_chart_fonts_get_height      (SodoChartFonts *fonts,
                                                               SodoChartFont   font,
                                                               guint           n_lines);

/* Number of lines (1 .. @max_lines) @text takes in the name font when wrapped to @width
 * points the way PANGO_WRAP_WORD_CHAR wraps it. A text that needs more is cut to
 * @max_lines (the renderer ellipsizes the last). */
guint                       _sodo_chart_fonts_count_lines     (SodoChartFonts *fonts,
                                                               const char     *text,
                                                               double          width,
                                                               guint           max_lines);
/* Width of @text on one line in the name font, in points, kerning included. */
double                      _sodo_chart_fonts_measure_width   (SodoChartFonts *fonts,
                                                               const char     *text);

G_END_DECLS
