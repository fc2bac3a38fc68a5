/* sodo-chart-legend.c: the legend of kinds and relation kinds
 *
 * The same drawing serves the screen (an overlay) and paper (repeated on each sheet), so it
 * draws in the caller's user space, unscaled, and can be measured without a cairo_t.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sodo-chart-render-private.h"

#define LEGEND_PAD        10.0
#define LEGEND_RADIUS     8.0
#define TITLE_GAP         6.0
#define ROW_GAP           4.0
#define SWATCH_WIDTH      24.0
#define SWATCH_HEIGHT     12.0
#define SWATCH_GAP        8.0
#define NAME_MAX_WIDTH    280.0

typedef enum { ROW_KIND, ROW_RELATION } RowType;

typedef struct {
  RowType      type;
  guint        index;
  PangoLayout *layout;
} Row;

static PangoLayout *
make_layout (SodoChartFonts *fonts,
             SodoChartFont   font,
             const char     *text)
{
  PangoLayout *layout = pango_layout_new (_sodo_chart_fonts_get_context (fonts));

  pango_layout_set_font_description (layout, _sodo_chart_fonts_get (fonts, font));
  pango_layout_set_width (layout, (int) (NAME_MAX_WIDTH * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

static GArray *
collect_rows (SodoChartScene         *scene,
              const SodoRenderParams *params)
{
  SodoOrgchart *chart = sodo_chart_scene_get_orgchart (scene);
  SodoChartFonts *fonts = _sodo_chart_scene_get_fonts (scene);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));
  guint n_kinds = 0, n_relation_kinds = 0;
  const SodoKind *kinds = sodo_orgchart_get_kinds (chart, &n_kinds);
  const SodoRelationKind *relation_kinds = sodo_orgchart_get_relation_kinds (chart,
                                                                             &n_relation_kinds);

  for (guint i = 0; i < n_kinds; i++)
    if (_sodo_chart_scene_kind_is_used (scene, i))
      {
        Row row = { ROW_KIND, i, make_layout (fonts, _SODO_CHART_FONT_LEGEND,
                                              sodo_orgchart_text (chart, kinds[i].name)) };
        g_array_append_val (rows, row);
      }
  if (params->show_relations)
    for (guint i = 0; i < n_relation_kinds; i++)
      if (_sodo_chart_scene_relation_kind_is_used (scene, i))
        {
          Row row = { ROW_RELATION, i,
                      make_layout (fonts, _SODO_CHART_FONT_LEGEND,
                                   sodo_orgchart_text (chart, relation_kinds[i].name)) };
          g_array_append_val (rows, row);
        }
  return rows;
}

static void
draw_swatch (SodoChartScene         *scene,
             cairo_t                *cr,
             const Row              *row,
             double                  x,
             double                  cy,
             const SodoChartPalette *palette)
{
  SodoOrgchart *chart = sodo_chart_scene_get_orgchart (scene);

  if (row->type == ROW_KIND)
    {
      SodoChartColor color = _sodo_palette_data_color (palette,
                                                       _sodo_chart_scene_get_kind_color (scene,
                                                                                         row->index));

      _sodo_cairo_rounded_rect (cr, x, cy - SWATCH_HEIGHT / 2, SWATCH_WIDTH, SWATCH_HEIGHT, 3);
      _sodo_cairo_set_color (cr, color);
      cairo_fill (cr);
    }
  else
    {
      guint n_kinds = 0;
      const SodoRelationKind *kind = &sodo_orgchart_get_relation_kinds (chart, &n_kinds)[row->index];
      static const double dashes[] = { 5.0, 3.0 };
      static const double dots[] = { 0.1, 3.0 };

      _sodo_cairo_set_color (cr, _sodo_palette_data_color (palette,
                                                           kind->has_color ? kind->color
                                                                           : 0x77767b));
      cairo_set_line_width (cr, 1.8);
      if (kind->style == SODO_LINE_DASHED)
        cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      else if (kind->style == SODO_LINE_DOTTED)
        cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
      cairo_set_line_cap (cr, kind->style == SODO_LINE_DOTTED ? CAIRO_LINE_CAP_ROUND
                                                              : CAIRO_LINE_CAP_BUTT);
      cairo_move_to (cr, x + 1, cy);
      cairo_line_to (cr, x + SWATCH_WIDTH - 1, cy);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

void
sodo_chart_render_legend (SodoChartScene         *scene,
                          cairo_t                *cr,
                          double                  x,
                          double                  y,
                          const SodoRenderParams *params,
                          double                 *width,
                          double                 *height)
{
  const SodoChartPalette *palette;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(GArray) rows = NULL;
  double title_width, title_height, content_width, total_height, row_y;

  g_return_if_fail (SODO_IS_CHART_SCENE (scene));
  g_return_if_fail (params != NULL);

  palette = params->palette != NULL ? params->palette : sodo_chart_palette_light ();
  /* Translators: the heading of the box that explains the chart's colours and lines */
  title = make_layout (_sodo_chart_scene_get_fonts (scene), _SODO_CHART_FONT_LEGEND_TITLE,
                       _("Legend"));
  rows = collect_rows (scene, params);

  layout_size (title, &title_width, &title_height);
  content_width = title_width;
  total_height = LEGEND_PAD + title_height + LEGEND_PAD;
  for (guint i = 0; i < rows->len; i++)
    {
      double row_width, row_height;

      layout_size (g_array_index (rows, Row, i).layout, &row_width, &row_height);
      content_width = MAX (content_width, SWATCH_WIDTH + SWATCH_GAP + row_width);
      total_height += (i == 0 ? TITLE_GAP : ROW_GAP) + row_height;
    }

  if (width != NULL)
    *width = content_width + 2 * LEGEND_PAD;
  if (height != NULL)
    *height = total_height;

  if (cr != NULL)
    {
      cairo_save (cr);
      _sodo_cairo_rounded_rect (cr, x + 0.5, y + 0.5, content_width + 2 * LEGEND_PAD - 1,
                                total_height - 1, LEGEND_RADIUS);
      _sodo_cairo_set_color (cr, palette->legend_background);
      cairo_fill_preserve (cr);
      _sodo_cairo_set_color (cr, palette->legend_border);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);

      _sodo_cairo_set_color (cr, palette->text);
      cairo_move_to (cr, x + LEGEND_PAD, y + LEGEND_PAD);
      pango_cairo_show_layout (cr, title);
      row_y = y + LEGEND_PAD + title_height;
      for (guint i = 0; i < rows->len; i++)
        {
          const Row *row = &g_array_index (rows, Row, i);
          double row_width, row_height;

          layout_size (row->layout, &row_width, &row_height);
          row_y += i == 0 ? TITLE_GAP : ROW_GAP;
          draw_swatch (scene, cr, row, x + LEGEND_PAD, row_y + row_height / 2, palette);
          _sodo_cairo_set_color (cr, palette->text);
          cairo_move_to (cr, x + LEGEND_PAD + SWATCH_WIDTH + SWATCH_GAP, row_y);
          pango_cairo_show_layout (cr, row->layout);
          row_y += row_height;
        }
      cairo_restore (cr);
    }

  for (guint i = 0; i < rows->len; i++)
    g_object_unref (g_array_index (rows, Row, i).layout);
}
