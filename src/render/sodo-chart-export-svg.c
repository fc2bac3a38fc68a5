/* sodo-chart-export-svg.c: the chart as SVG with its text as text
 *
 * cairo's SVG surface (1.16, Debian 12) writes every glyph as an outline: the names could
 * not be searched, selected or edited. So the SVG is written here, from the same layout,
 * palette and shaped text the renderer uses: cards, connectors, relations, the legend and
 * the title block, every line of text a <text> element placed where Pango puts it (with its
 * length, so a reader without the font keeps the lines their size). Text is escaped as XML
 * and never parsed.
 *
 * The look follows the renderer's full level of detail as it prints (sodo-chart-card.c,
 * sodo-chart-relations.c, sodo-chart-legend.c), with the renderer's own relation curves;
 * the constants of the shapes are repeated below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sodo-chart-export-private.h"
#include "sodo-chart-render-private.h"
#include "sodo-pagination-private.h"

#define FLUSH_SIZE         (64 * 1024)

/* Cards and connectors (sodo-chart-card.c, sodo-chart-renderer.c). */
#define CARD_BORDER        1.0
#define SHADOW_DEPTH       1.0
#define CONNECTOR_WIDTH    1.3
/* Relations (sodo-chart-relations.c), as drawn on paper. */
#define RELATION_WIDTH     1.3
#define RELATION_ALPHA     0.8
#define ARROW_LENGTH       8.0
#define ARROW_HALF_WIDTH   3.5
#define LABEL_MAX_WIDTH    160.0
#define LABEL_PAD_X        5.0
#define LABEL_PAD_Y        2.0
#define DEFAULT_RELATION_COLOR 0x77767b
/* Legend (sodo-chart-legend.c). */
#define LEGEND_PAD         10.0
#define LEGEND_RADIUS      8.0
#define LEGEND_TITLE_GAP   6.0
#define LEGEND_ROW_GAP     4.0
#define SWATCH_WIDTH       24.0
#define SWATCH_HEIGHT      12.0
#define SWATCH_GAP         8.0
#define LEGEND_NAME_WIDTH  280.0

typedef struct {
  GString        *out;
  GOutputStream  *stream;
  GCancellable   *cancellable;
  GError         *error;
  SodoPagination *pagination;
  SodoChartScene *scene;
  const SodoChartPalette *palette;
} Svg;

static void
flush (Svg      *svg,
       gboolean  force)
{
  if (svg->error != NULL || (svg->out->len < FLUSH_SIZE && !force))
    return;
  g_output_stream_write_all (svg->stream, svg->out->str, svg->out->len, NULL, svg->cancellable,
                             &svg->error);
  g_string_truncate (svg->out, 0);
}

/* XML 1.0 text: the five special characters as entities, characters XML cannot hold
 * (controls other than tab and line breaks) left out. */
static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&apos;");
          break;
        default:
          if (c >= 0x20 || c == '\t')
            g_string_append_c (out, c);
          else if (c == '\n' || c == '\r')
            g_string_append_c (out, ' ');
          break;
        }
    }
}

/* A number the way SVG wants it: C locale, short. */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.3f", value));
  /* "12.500" -> "12.5", "12.000" -> "12". */
  while (out->str[out->len - 1] == '0')
    g_string_truncate (out, out->len - 1);
  if (out->str[out->len - 1] == '.')
    g_string_truncate (out, out->len - 1);
  if (g_str_equal (out->str + MAX ((gssize) out->len - 2, 0), "-0"))
    {
      g_string_truncate (out, out->len - 2);
      g_string_append_c (out, '0');
    }
}

static void
append_numbers (GString *out,
                guint    n,
                ...)
{
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_number (out, va_arg (args, double));
    }
  va_end (args);
}

/* attr="#rrggbb" and, when see-through, attr-opacity="a". */
static void
append_color (GString        *out,
              const char     *attr,
              SodoChartColor  color)
{
  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", attr,
                          (guint) lround (CLAMP (color.red, 0, 1) * 255),
                          (guint) lround (CLAMP (color.green, 0, 1) * 255),
                          (guint) lround (CLAMP (color.blue, 0, 1) * 255));
  if (color.alpha < 1)
    {
      g_string_append_printf (out, " %s-opacity=\"", attr);
      append_number (out, color.alpha);
      g_string_append_c (out, '"');
    }
}

/* A rounded rectangle as path data. */
static void
append_rounded_rect (GString *out,
                     double   x,
                     double   y,
                     double   width,
                     double   height,
                     double   radius)
{
  radius = CLAMP (radius, 0, MIN (width, height) / 2);
  g_string_append (out, "M");
  append_numbers (out, 2, x + radius, y);
  g_string_append (out, "H");
  append_number (out, x + width - radius);
  g_string_append (out, "A");
  append_numbers (out, 7, radius, radius, 0.0, 0.0, 1.0, x + width, y + radius);
  g_string_append (out, "V");
  append_number (out, y + height - radius);
  g_string_append (out, "A");
  append_numbers (out, 7, radius, radius, 0.0, 0.0, 1.0, x + width - radius, y + height);
  g_string_append (out, "H");
  append_number (out, x + radius);
  g_string_append (out, "A");
  append_numbers (out, 7, radius, radius, 0.0, 0.0, 1.0, x, y + height - radius);
  g_string_append (out, "V");
  append_number (out, y + radius);
  g_string_append (out, "A");
  append_numbers (out, 7, radius, radius, 0.0, 0.0, 1.0, x + radius, y);
  g_string_append (out, "Z");
}

/* ---- Text ---- */

static void
append_font (GString *out,
             PangoFont *font)
{
  g_autoptr(PangoFontDescription) desc = pango_font_describe (font);
  const char *family = pango_font_description_get_family (desc);

  g_string_append (out, " font-family=\"");
  if (family != NULL)
    {
      g_string_append (out, "'");
      append_escaped (out, family, -1);
      g_string_append (out, "', ");
    }
  g_string_append (out, "sans-serif\" font-size=\"");
  append_number (out, (double) pango_font_description_get_size (desc) / PANGO_SCALE);
  g_string_append_printf (out, "\" font-weight=\"%d\"",
                          (int) pango_font_description_get_weight (desc));
  if (pango_font_description_get_style (desc) != PANGO_STYLE_NORMAL)
    g_string_append (out, " font-style=\"italic\"");
}

/* One run of glyphs of one font as a <text> at its baseline. */
static void
append_run (GString        *out,
            const char     *text,
            PangoGlyphItem *run,
            double          x,
            double          baseline,
            SodoChartColor  color)
{
  PangoItem *item = run->item;
  double width = (double) pango_glyph_string_get_width (run->glyphs) / PANGO_SCALE;
  gboolean ellipsis = (item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS) != 0;

  if (item->length == 0 || width <= 0)
    return;
  g_string_append (out, "<text x=\"");
  append_number (out, x);
  g_string_append (out, "\" y=\"");
  append_number (out, baseline);
  g_string_append (out, "\" textLength=\"");
  append_number (out, width);
  g_string_append (out, "\" lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\"");
  append_font (out, item->analysis.font);
  append_color (out, "fill", color);
  g_string_append_c (out, '>');
  /* An ellipsis run stands for the text it hides. */
  if (ellipsis)
    g_string_append (out, "…");
  else
    append_escaped (out, text + item->offset, item->length);
  g_string_append (out, "</text>\n");
}

/* Every line of @layout, its top-left corner at (x, y), as <text> elements. */
static void
append_layout (Svg            *svg,
               PangoLayout    *layout,
               double          x,
               double          y,
               SodoChartColor  color)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      double baseline = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      PangoRectangle logical;
      double run_x;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      run_x = x + (double) logical.x / PANGO_SCALE;
      for (GSList *l = line->runs; l != NULL; l = l->next)
        {
          PangoGlyphItem *run = l->data;

          append_run (svg->out, text, run, run_x, baseline, color);
          run_x += (double) pango_glyph_string_get_width (run->glyphs) / PANGO_SCALE;
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* ---- Cards and connectors ---- */

static void
append_connectors (Svg                    *svg,
                   const SodoLayoutResult *layout)
{
  if (layout->n_edges == 0)
    return;
  g_string_append (svg->out, "<path fill=\"none\" stroke-width=\"");
  append_number (svg->out, CONNECTOR_WIDTH);
  g_string_append (svg->out, "\" stroke-linejoin=\"miter\" stroke-linecap=\"square\"");
  append_color (svg->out, "stroke", svg->palette->connector);
  g_string_append (svg->out, " d=\"");
  for (guint32 e = 0; e < layout->n_edges; e++)
    {
      SodoLayoutPoint points[SODO_LAYOUT_EDGE_MAX_POINTS];
      guint32 n_points = sodo_layout_edge_get_points (layout, e, points);

      for (guint32 p = 0; p < n_points; p++)
        {
          g_string_append_c (svg->out, p == 0 ? 'M' : 'L');
          append_numbers (svg->out, 2, (double) points[p].x, (double) points[p].y);
        }
      flush (svg, FALSE);
    }
  g_string_append (svg->out, "\"/>\n");
}

static void
append_band (GString              *out,
             const SodoLayoutRect *rect)
{
  double x = rect->x + CARD_BORDER, y = rect->y + CARD_BORDER;
  double height = rect->height - 2 * CARD_BORDER;
  double radius = MIN (_SODO_CARD_RADIUS - CARD_BORDER, height / 2);
  double right = rect->x + MAX (_SODO_CARD_BAND, CARD_BORDER + radius);

  g_string_append (out, "M");
  append_numbers (out, 2, right, y);
  g_string_append (out, "H");
  append_number (out, x + radius);
  g_string_append (out, "A");
  append_numbers (out, 7, radius, radius, 0.0, 0.0, 0.0, x, y + radius);
  g_string_append (out, "V");
  append_number (out, y + height - radius);
  g_string_append (out, "A");
  append_numbers (out, 7, radius, radius, 0.0, 0.0, 0.0, x + radius, y + height);
  g_string_append (out, "H");
  append_number (out, right);
  g_string_append (out, "Z");
}

static void
append_card_text (Svg                  *svg,
                  guint                 unit,
                  const SodoLayoutRect *rect)
{
  SodoChartFonts *fonts = _sodo_chart_scene_get_fonts (svg->scene);
  guint name_lines = _sodo_chart_scene_get_name_lines (svg->scene, unit);
  SodoCardLayouts layouts = { NULL, };
  gboolean has_second, has_bottom;
  double x = rect->x + _SODO_CARD_BAND + _SODO_CARD_PAD_X;
  double y = rect->y + _SODO_CARD_PAD_TOP;
  double detail_line = _sodo_chart_fonts_get_height (fonts, _SODO_CHART_FONT_DETAIL, 1);

  _sodo_card_layouts_build (&layouts, svg->scene, unit, TRUE);
  /* Placed as the renderer places them: a card raised to the minimum height has its text
   * in the middle. */
  _sodo_card_get_lines (sodo_chart_scene_get_orgchart (svg->scene), unit, &has_second,
                        &has_bottom);
  y += MAX (0, (rect->height - _sodo_card_height (fonts, name_lines, has_second, has_bottom,
                                                  FALSE)) / 2);
  append_layout (svg, layouts.name, x, y, svg->palette->text);
  y += _sodo_chart_fonts_get_height (fonts, _SODO_CHART_FONT_NAME, name_lines);
  if (layouts.second != NULL)
    {
      y += _SODO_CARD_LINE_GAP;
      append_layout (svg, layouts.second, x, y, svg->palette->secondary_text);
      y += detail_line;
    }
  if (layouts.bottom != NULL)
    {
      y += _SODO_CARD_LINE_GAP;
      append_layout (svg, layouts.bottom, x, y, svg->palette->secondary_text);
    }
  _sodo_card_layouts_clear (&layouts);
}

static void
append_card (Svg                    *svg,
             const SodoLayoutResult *layout,
             guint                   unit,
             SodoChartColor          border)
{
  const SodoLayoutRect *r = &layout->rects[unit];
  const SodoUnit *model = sodo_orgchart_get_unit (sodo_chart_scene_get_orgchart (svg->scene),
                                                  unit);
  SodoChartColor band = _sodo_palette_data_color (svg->palette,
                                                  _sodo_chart_scene_get_kind_color (svg->scene,
                                                                                    model->kind));

  g_string_append (svg->out, "<g id=\"unit-");
  append_escaped (svg->out, model->id, -1);
  g_string_append (svg->out, "\">\n<path");
  append_color (svg->out, "fill", border);
  g_string_append (svg->out, " d=\"");
  /* The outline reaches a point lower than the card: it reads as a shadow. */
  append_rounded_rect (svg->out, r->x, r->y, r->width, r->height + SHADOW_DEPTH,
                       _SODO_CARD_RADIUS);
  g_string_append (svg->out, "\"/>\n<path");
  append_color (svg->out, "fill", svg->palette->card);
  g_string_append (svg->out, " d=\"");
  append_rounded_rect (svg->out, r->x + CARD_BORDER, r->y + CARD_BORDER,
                       r->width - 2 * CARD_BORDER, r->height - 2 * CARD_BORDER,
                       _SODO_CARD_RADIUS - CARD_BORDER);
  g_string_append (svg->out, "\"/>\n<path");
  append_color (svg->out, "fill", band);
  g_string_append (svg->out, " d=\"");
  append_band (svg->out, r);
  g_string_append (svg->out, "\"/>\n");
  append_card_text (svg, unit, r);
  g_string_append (svg->out, "</g>\n");
}

static void
append_cards (Svg                    *svg,
              const SodoLayoutResult *layout)
{
  SodoChartColor border = svg->palette->card_border;

  border.alpha = 1;
  border = sodo_chart_color_mix (svg->palette->background, border,
                                 svg->palette->card_border.alpha);
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      if (!layout->visible[i])
        continue;
      append_card (svg, layout, i, border);
      flush (svg, FALSE);
    }
}

/* ---- Relations: the renderer's own curves ---- */

/* A curve of the renderer (relations of one kind folded onto two cards), with the relation
 * that gives its kind and the one that gives its label. */
typedef struct {
  SodoRelationCurve geometry;
  guint             relation;
  guint             label_relation;    /* SODO_NO_INDEX when none is labelled */
} Curve;

static guint
visible_end (const SodoLayoutResult *layout,
             SodoChartScene         *scene,
             guint                   unit)
{
  if (unit >= layout->n_nodes)
    return SODO_NO_INDEX;
  if (!layout->visible[unit])
    unit = sodo_chart_scene_get_visible_ancestor (scene, unit);
  return unit < layout->n_nodes && layout->visible[unit] ? unit : SODO_NO_INDEX;
}

/* The curves, matched with their relations as the renderer folds them: in the relations'
 * order, one curve per pair of visible cards and relation kind. The label of a curve is its
 * first relation's with one, drawn once per target card and text. */
static GArray *
make_curves (SodoChartScene *scene)
{
  const SodoLayoutResult *layout = sodo_chart_scene_get_layout (scene);
  SodoOrgchart *chart = sodo_chart_scene_get_orgchart (scene);
  guint n_relations = 0;
  const SodoRelation *relations = sodo_orgchart_get_relations (chart, &n_relations);
  guint n_curves = _sodo_relations_get_curves (scene, NULL, 0);
  g_autofree SodoRelationCurve *geometry = g_new (SodoRelationCurve, MAX (n_curves, 1));
  g_autoptr(GHashTable) folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *curves = g_array_sized_new (FALSE, TRUE, sizeof (Curve), n_curves);

  _sodo_relations_get_curves (scene, geometry, n_curves);
  for (guint i = 0; i < n_relations; i++)
    {
      guint from = visible_end (layout, scene, relations[i].from);
      guint to = visible_end (layout, scene, relations[i].to);
      const char *label = sodo_orgchart_text (chart, relations[i].label);
      g_autofree char *key = NULL;
      gpointer index;
      Curve *curve;

      if (from == SODO_NO_INDEX || to == SODO_NO_INDEX || from == to)
        continue;
      key = g_strdup_printf ("%u %u %u", from, to, relations[i].kind);
      if (!g_hash_table_lookup_extended (folded, key, NULL, &index))
        {
          Curve fresh = { { 0, }, i, SODO_NO_INDEX };

          if (curves->len >= n_curves)
            break;
          fresh.geometry = geometry[curves->len];
          g_array_append_val (curves, fresh);
          index = GUINT_TO_POINTER (curves->len - 1);
          g_hash_table_insert (folded, g_steal_pointer (&key), index);
        }
      curve = &g_array_index (curves, Curve, GPOINTER_TO_UINT (index));
      if (curve->label_relation == SODO_NO_INDEX && label != NULL && *label != '\0' &&
          g_hash_table_add (labels, g_strdup_printf ("%u\n%s", to, label)))
        curve->label_relation = i;
    }
  return curves;
}

static SodoChartColor
relation_color (Svg                *svg,
                const SodoRelation *relation)
{
  guint n_kinds = 0;
  const SodoRelationKind *kinds =
    sodo_orgchart_get_relation_kinds (sodo_chart_scene_get_orgchart (svg->scene), &n_kinds);
  const SodoRelationKind *kind = relation->kind < n_kinds ? &kinds[relation->kind] : NULL;
  SodoChartColor color = _sodo_palette_data_color (svg->palette,
                                                   kind != NULL && kind->has_color
                                                   ? kind->color : DEFAULT_RELATION_COLOR);

  color.alpha *= RELATION_ALPHA;
  return color;
}

/* The curve stopped at the arrowhead's base, so that its dashes do not run through the
 * head, then the head pointing into the card (the curve arrives along its last handle). */
static void
append_curve (Svg                *svg,
              const Curve        *curve,
              const SodoRelation *relation)
{
  const SodoRelationCurve *g = &curve->geometry;
  guint n_kinds = 0;
  const SodoRelationKind *kinds =
    sodo_orgchart_get_relation_kinds (sodo_chart_scene_get_orgchart (svg->scene), &n_kinds);
  SodoLineStyle style = relation->kind < n_kinds ? kinds[relation->kind].style
                                                 : SODO_LINE_DASHED;
  SodoChartColor color = relation_color (svg, relation);
  double nx = g->x[2] - g->x[3], ny = g->y[2] - g->y[3];
  double length = hypot (nx, ny), base_x, base_y;

  if (length <= 0)
    return;
  nx /= length;
  ny /= length;
  base_x = g->x[3] + nx * ARROW_LENGTH;
  base_y = g->y[3] + ny * ARROW_LENGTH;

  g_string_append (svg->out, "<path fill=\"none\" stroke-linejoin=\"round\" stroke-width=\"");
  append_number (svg->out, RELATION_WIDTH);
  g_string_append_c (svg->out, '"');
  if (style == SODO_LINE_DASHED)
    g_string_append (svg->out, " stroke-dasharray=\"7 4\"");
  else if (style == SODO_LINE_DOTTED)
    g_string_append (svg->out, " stroke-dasharray=\"0.1 3.5\" stroke-linecap=\"round\"");
  append_color (svg->out, "stroke", color);
  g_string_append (svg->out, " d=\"M");
  append_numbers (svg->out, 2, g->x[0], g->y[0]);
  g_string_append (svg->out, "C");
  append_numbers (svg->out, 6, g->x[1], g->y[1], g->x[2], g->y[2], base_x, base_y);
  g_string_append (svg->out, "\"/>\n<path");
  append_color (svg->out, "fill", color);
  g_string_append (svg->out, " d=\"M");
  append_numbers (svg->out, 2, g->x[3], g->y[3]);
  g_string_append (svg->out, "L");
  append_numbers (svg->out, 2, base_x - ny * ARROW_HALF_WIDTH, base_y + nx * ARROW_HALF_WIDTH);
  g_string_append (svg->out, "L");
  append_numbers (svg->out, 2, base_x + ny * ARROW_HALF_WIDTH, base_y - nx * ARROW_HALF_WIDTH);
  g_string_append (svg->out, "Z\"/>\n");
}

static void
append_label (Svg                *svg,
              const Curve        *curve,
              const SodoRelation *relation)
{
  SodoChartFonts *fonts = _sodo_chart_scene_get_fonts (svg->scene);
  const SodoRelationCurve *g = &curve->geometry;
  const char *text = sodo_orgchart_text (sodo_chart_scene_get_orgchart (svg->scene),
                                         relation->label);
  g_autoptr(PangoLayout) layout = pango_layout_new (_sodo_chart_fonts_get_context (fonts));
  PangoRectangle logical;
  double mx, my, width, height;

  pango_layout_set_font_description (layout, _sodo_chart_fonts_get (fonts,
                                                                     _SODO_CHART_FONT_SMALL));
  pango_layout_set_width (layout, (int) (LABEL_MAX_WIDTH * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);

  /* The curve's middle: B(1/2) = (P0 + 3 P1 + 3 P2 + P3) / 8. */
  mx = (g->x[0] + 3 * g->x[1] + 3 * g->x[2] + g->x[3]) / 8;
  my = (g->y[0] + 3 * g->y[1] + 3 * g->y[2] + g->y[3]) / 8;
  width = (double) logical.width / PANGO_SCALE;
  height = (double) logical.height / PANGO_SCALE;

  g_string_append (svg->out, "<path stroke-width=\"1\"");
  append_color (svg->out, "fill", svg->palette->label_background);
  append_color (svg->out, "stroke", relation_color (svg, relation));
  g_string_append (svg->out, " d=\"");
  append_rounded_rect (svg->out, mx - width / 2 - LABEL_PAD_X, my - height / 2 - LABEL_PAD_Y,
                       width + 2 * LABEL_PAD_X, height + 2 * LABEL_PAD_Y,
                       height / 2 + LABEL_PAD_Y);
  g_string_append (svg->out, "\"/>\n");
  append_layout (svg, layout, mx - width / 2 - (double) logical.x / PANGO_SCALE, my - height / 2,
                 svg->palette->text);
}

static void
append_relations (Svg      *svg,
                  GArray   *curves,
                  gboolean  labels)
{
  const SodoRelation *relations =
    sodo_orgchart_get_relations (sodo_chart_scene_get_orgchart (svg->scene), NULL);

  for (guint i = 0; i < curves->len; i++)
    {
      const Curve *curve = &g_array_index (curves, Curve, i);

      if (!labels)
        append_curve (svg, curve, &relations[curve->relation]);
      else if (curve->label_relation != SODO_NO_INDEX)
        append_label (svg, curve, &relations[curve->label_relation]);
      flush (svg, FALSE);
    }
}

/* ---- Legend: the rows of sodo-chart-legend.c ---- */

static PangoLayout *
legend_layout (SodoChartScene *scene,
               SodoChartFont   font,
               const char     *text)
{
  SodoChartFonts *fonts = _sodo_chart_scene_get_fonts (scene);
  PangoLayout *layout = pango_layout_new (_sodo_chart_fonts_get_context (fonts));

  pango_layout_set_font_description (layout, _sodo_chart_fonts_get (fonts, font));
  pango_layout_set_width (layout, (int) (LEGEND_NAME_WIDTH * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static double
append_legend_row (Svg            *svg,
                   const char     *name,
                   SodoChartColor  color,
                   int             line_style,   /* -1 for a kind's swatch */
                   double          x,
                   double          y)
{
  g_autoptr(PangoLayout) layout = legend_layout (svg->scene, _SODO_CHART_FONT_LEGEND, name);
  double height = layout_height (layout), cy = y + height / 2;

  if (line_style < 0)
    {
      g_string_append (svg->out, "<path");
      append_color (svg->out, "fill", color);
      g_string_append (svg->out, " d=\"");
      append_rounded_rect (svg->out, x, cy - SWATCH_HEIGHT / 2, SWATCH_WIDTH, SWATCH_HEIGHT, 3);
      g_string_append (svg->out, "\"/>\n");
    }
  else
    {
      g_string_append (svg->out, "<path fill=\"none\" stroke-width=\"1.8\"");
      if (line_style == SODO_LINE_DASHED)
        g_string_append (svg->out, " stroke-dasharray=\"5 3\"");
      else if (line_style == SODO_LINE_DOTTED)
        g_string_append (svg->out, " stroke-dasharray=\"0.1 3\" stroke-linecap=\"round\"");
      append_color (svg->out, "stroke", color);
      g_string_append (svg->out, " d=\"M");
      append_numbers (svg->out, 2, x + 1, cy);
      g_string_append (svg->out, "H");
      append_number (svg->out, x + SWATCH_WIDTH - 1);
      g_string_append (svg->out, "\"/>\n");
    }
  append_layout (svg, layout, x + SWATCH_WIDTH + SWATCH_GAP, y, svg->palette->text);
  return height;
}

static void
append_legend (Svg    *svg,
               double  x,
               double  y)
{
  SodoPagination *pagination = svg->pagination;
  SodoOrgchart *chart = sodo_chart_scene_get_orgchart (svg->scene);
  g_autoptr(PangoLayout) title = NULL;
  guint n_kinds = 0, n_relation_kinds = 0;
  const SodoKind *kinds = sodo_orgchart_get_kinds (chart, &n_kinds);
  const SodoRelationKind *relation_kinds = sodo_orgchart_get_relation_kinds (chart,
                                                                             &n_relation_kinds);
  double row_y;
  gboolean first = TRUE;

  g_string_append (svg->out, "<g id=\"legend\" transform=\"translate(");
  append_numbers (svg->out, 2, x, y);
  g_string_append (svg->out, ") scale(");
  append_number (svg->out, _SODO_PAGE_LEGEND_SCALE);
  g_string_append (svg->out, ")\">\n<path stroke-width=\"1\"");
  append_color (svg->out, "fill", svg->palette->legend_background);
  append_color (svg->out, "stroke", svg->palette->legend_border);
  g_string_append (svg->out, " d=\"");
  /* In the legend's own units, before the scale to paper. */
  x = y = 0;
  append_rounded_rect (svg->out, x + 0.5, y + 0.5,
                       pagination->legend_width / _SODO_PAGE_LEGEND_SCALE - 1,
                       pagination->legend_height / _SODO_PAGE_LEGEND_SCALE - 1, LEGEND_RADIUS);
  g_string_append (svg->out, "\"/>\n");

  /* Translators: the heading of the box that explains the chart's colours and lines */
  title = legend_layout (svg->scene, _SODO_CHART_FONT_LEGEND_TITLE, _("Legend"));
  append_layout (svg, title, x + LEGEND_PAD, y + LEGEND_PAD, svg->palette->text);
  row_y = y + LEGEND_PAD + layout_height (title);
  for (guint i = 0; i < n_kinds; i++)
    {
      if (!_sodo_chart_scene_kind_is_used (svg->scene, i))
        continue;
      row_y += first ? LEGEND_TITLE_GAP : LEGEND_ROW_GAP;
      first = FALSE;
      row_y += append_legend_row (svg, sodo_orgchart_text (chart, kinds[i].name),
                                  _sodo_palette_data_color (svg->palette,
                                                            _sodo_chart_scene_get_kind_color (svg->scene, i)),
                                  -1, x + LEGEND_PAD, row_y);
    }
  for (guint i = 0; pagination->options.show_relations && i < n_relation_kinds; i++)
    {
      const SodoRelationKind *kind = &relation_kinds[i];

      if (!_sodo_chart_scene_relation_kind_is_used (svg->scene, i))
        continue;
      row_y += first ? LEGEND_TITLE_GAP : LEGEND_ROW_GAP;
      first = FALSE;
      row_y += append_legend_row (svg, sodo_orgchart_text (chart, kind->name),
                                  _sodo_palette_data_color (svg->palette,
                                                            kind->has_color ? kind->color
                                                                            : DEFAULT_RELATION_COLOR),
                                  kind->style, x + LEGEND_PAD, row_y);
    }
  g_string_append (svg->out, "</g>\n");
}

/* ---- The page ---- */

static void
append_header (Svg *svg)
{
  g_autoptr(GArray) texts = _sodo_pagination_header_texts (svg->pagination, 0);
  double rule_y;

  for (guint i = 0; i < texts->len; i++)
    {
      const SodoPageText *text = &g_array_index (texts, SodoPageText, i);

      append_layout (svg, text->layout, text->x, text->y, text->color);
    }
  if (_sodo_pagination_header_rule (svg->pagination, &rule_y))
    {
      g_string_append (svg->out, "<path fill=\"none\" stroke-width=\"");
      append_number (svg->out, _SODO_PAGE_RULE_WIDTH);
      g_string_append_c (svg->out, '"');
      append_color (svg->out, "stroke", _sodo_page_rule_color);
      g_string_append (svg->out, " d=\"M0 ");
      append_number (svg->out, rule_y);
      g_string_append (svg->out, "H");
      append_number (svg->out, svg->pagination->page_width);
      g_string_append (svg->out, "\"/>\n");
    }
}

static void
append_chart (Svg *svg)
{
  SodoPagination *pagination = svg->pagination;
  const SodoPaginationPage *page = sodo_pagination_get_page (pagination, 0);
  const SodoLayoutResult *layout = sodo_chart_scene_get_layout (svg->scene);
  double s = pagination->scale;
  g_autoptr(GArray) curves = NULL;

  g_string_append (svg->out, "<g id=\"chart\" transform=\"translate(");
  append_numbers (svg->out, 2, page->x, page->y);
  g_string_append (svg->out, ") scale(");
  append_number (svg->out, s);
  g_string_append (svg->out, ") translate(");
  append_numbers (svg->out, 2, -page->shown.x, -page->shown.y);
  g_string_append (svg->out, ")\">\n");

  append_connectors (svg, layout);
  if (pagination->options.show_relations)
    {
      curves = make_curves (svg->scene);
      append_relations (svg, curves, FALSE);
    }
  append_cards (svg, layout);
  if (curves != NULL)
    append_relations (svg, curves, TRUE);
  g_string_append (svg->out, "</g>\n");

  if (pagination->has_legend)
    append_legend (svg, page->x + (pagination->legend.x - page->shown.x) * s,
                   page->y + (pagination->legend.y - page->shown.y) * s);
}

gboolean
_sodo_chart_export_svg (SodoPagination  *pagination,
                        double           image_scale,
                        gboolean         transparent,
                        GOutputStream   *stream,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(GString) out = g_string_sized_new (FLUSH_SIZE + 4096);
  Svg svg = { out, stream, cancellable, NULL, pagination, pagination->scene,
              &pagination->palette };
  double width, height;

  sodo_pagination_get_page_size (pagination, &width, &height);
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
  append_number (out, width * image_scale);
  g_string_append (out, "pt\" height=\"");
  append_number (out, height * image_scale);
  g_string_append (out, "pt\" viewBox=\"0 0 ");
  append_numbers (out, 2, width, height);
  g_string_append (out, "\">\n<title>");
  append_escaped (out, pagination->title, -1);
  g_string_append (out, "</title>\n");
  if (!transparent)
    g_string_append (out, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");

  g_string_append (out, "<g transform=\"translate(");
  append_numbers (out, 2, pagination->origin_x, pagination->origin_y);
  g_string_append (out, ")\">\n");
  append_header (&svg);
  append_chart (&svg);
  g_string_append (out, "</g>\n</svg>\n");
  flush (&svg, TRUE);

  if (svg.error == NULL)
    g_cancellable_set_error_if_cancelled (cancellable, &svg.error);
  if (svg.error != NULL)
    {
      g_propagate_error (error, svg.error);
      return FALSE;
    }
  return TRUE;
}
