/* sodo-chart-card.c: what a card says, how tall it is, and how it is drawn in full
 *
 * The measuring side (_sodo_card_get_lines(), _sodo_card_height()) and the drawing side
 * (_sodo_card_layouts_build(), _sodo_cards_draw()) share the constants of
 * sodo-chart-render-private.h, so a card's text always fits the size the layout gave it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "model/sodo-language.h"

#include "sodo-chart-render-private.h"

/* Highlight rings, outside the card. */
#define SELECTION_INSET  -3.5
#define SELECTION_WIDTH  2.5
#define HOVER_INSET      -2.5
#define HOVER_WIDTH      2.0
/* Card outline: a fill of the border colour under the body, which is inset by this much
 * (two fills cost less than a stroke). */
#define CARD_BORDER      1.0
#define MATCH_BORDER     2.0
#define SHADOW_DEPTH     1.0
#define ROUNDED_MIN_PIXELS_PER_POINT 0.6
/* A quarter circle as one cubic Bézier: the control points sit this far along the tangents
 * (4/3 (sqrt 2 - 1)). */
#define ROUNDED_KAPPA    0.5522847498
/* "+N" badge on a collapsed card. */
#define BADGE_PAD_X      6.0
#define BADGE_PAD_Y      1.5

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

void
_sodo_card_get_lines (SodoOrgchart *chart,
                      guint         unit,
                      gboolean     *has_second,
                      gboolean     *has_bottom)
{
  const SodoUnit *data = sodo_orgchart_get_unit (chart, unit);
  const SodoUnitDetails *details = sodo_orgchart_get_details (chart, unit);

  *has_second = !is_empty (sodo_orgchart_text (chart, data->short_name)) ||
                !is_empty (sodo_orgchart_text (chart, data->host));
  *has_bottom = details->n_people > 0 || details->n_figures > 0;
}

void
_sodo_card_texts_init (SodoCardTexts *texts,
                       SodoOrgchart  *chart,
                       guint          unit)
{
  const SodoUnit *data = sodo_orgchart_get_unit (chart, unit);
  const SodoUnitDetails *details = sodo_orgchart_get_details (chart, unit);
  const char *lang = sodo_language_get ();
  const char *text;

  memset (texts, 0, sizeof *texts);

  text = sodo_orgchart_text (chart, data->name);
  texts->name = text != NULL ? text : "";

  /* The short name is what people call the unit; without one, the body it leads says
   * more than nothing. */
  text = sodo_orgchart_text (chart, data->short_name);
  if (is_empty (text))
    text = sodo_orgchart_text (chart, data->host);
  texts->second = is_empty (text) ? NULL : text;

  if (details->n_people > 0)
    {
      g_autofree char *count = sodo_format_number (details->n_people, lang);

      /* Translators: the number of people listed for a unit, on its card */
      texts->bottom = g_strdup_printf (ngettext ("%s person", "%s people", details->n_people),
                                       count);
    }
  else if (details->n_figures > 0)
    {
      const SodoFigure *figure = &details->figures[0];
      g_autofree char *value = sodo_format_number (figure->value, lang);
      const char *label = sodo_orgchart_text (chart, figure->label);

      /* The number first: it survives when a long label is ellipsized. */
      texts->bottom = is_empty (label) ? g_strdup (value)
                                       : g_strconcat (value, " ", label, NULL);
      texts->bottom_strong = strlen (value);
    }
}

void
_sodo_card_texts_clear (SodoCardTexts *texts)
{
  g_clear_pointer (&texts->bottom, g_free);
}

double
_sodo_card_text_width (double card_width)
{
  return MAX (1.0, card_width - _SODO_CARD_BAND - 2 * _SODO_CARD_PAD_X);
}

double
_sodo_card_height (SodoChartFonts *fonts,
                   guint           name_lines,
                   gboolean        has_second,
                   gboolean        has_bottom,
                   gboolean        at_least_minimum)
{
  double height = _SODO_CARD_PAD_TOP + _SODO_CARD_PAD_BOTTOM;
  double detail_line = _sodo_chart_fonts_get_height (fonts, _SODO_CHART_FONT_DETAIL, 1);

  height += _sodo_chart_fonts_get_height (fonts, _SODO_CHART_FONT_NAME, name_lines);
  if (has_second)
    height += _SODO_CARD_LINE_GAP + detail_line;
  if (has_bottom)
    height += _SODO_CARD_LINE_GAP + detail_line;
  if (!at_least_minimum)
    return height;
  return ceil (MAX (height, _SODO_CARD_MIN_HEIGHT));
}

static PangoLayout *
make_line_layout (PangoContext               *context,
                  const PangoFontDescription *font,
                  double                      width,
                  const char                 *text)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  /* Plain text: a name such as "<b>&amp;" is shown as written. */
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
build_name_layout (SodoCardLayouts *layouts,
                   SodoChartScene  *scene,
                   guint            unit,
                   double           width)
{
  SodoChartFonts *fonts = _sodo_chart_scene_get_fonts (scene);
  SodoOrgchart *chart = sodo_chart_scene_get_orgchart (scene);
  const char *name = sodo_orgchart_text (chart, sodo_orgchart_get_unit (chart, unit)->name);

  /* Wrapped as measured; a name longer than the lines the card has is ellipsized. Plain
   * text: a name such as "<b>&amp;" is shown as written. */
  layouts->name = pango_layout_new (_sodo_chart_fonts_get_context (fonts));
  pango_layout_set_font_description (layouts->name,
                                     _sodo_chart_fonts_get (fonts, _SODO_CHART_FONT_NAME));
  pango_layout_set_width (layouts->name, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layouts->name, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layouts->name, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layouts->name, -(int) _sodo_chart_scene_get_name_lines (scene, unit));
  pango_layout_set_text (layouts->name, name != NULL ? name : "", -1);
}

static void
build_detail_layouts (SodoCardLayouts *layouts,
                      SodoChartScene  *scene,
                      guint            unit,
                      double           width)
{
  SodoChartFonts *fonts = _sodo_chart_scene_get_fonts (scene);
  PangoContext *context = _sodo_chart_fonts_get_context (fonts);
  const PangoFontDescription *font = _sodo_chart_fonts_get (fonts, _SODO_CHART_FONT_DETAIL);
  SodoCardTexts texts;

  _sodo_card_texts_init (&texts, sodo_chart_scene_get_orgchart (scene), unit);
  if (texts.second != NULL)
    layouts->second = make_line_layout (context, font, width, texts.second);
  if (texts.bottom != NULL)
    {
      layouts->bottom = make_line_layout (context, font, width, texts.bottom);
      if (texts.bottom_strong > 0)
        {
          PangoAttrList *attrs = pango_attr_list_new ();
          PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

          bold->start_index = 0;
          bold->end_index = texts.bottom_strong;
          pango_attr_list_insert (attrs, bold);
          pango_layout_set_attributes (layouts->bottom, attrs);
          pango_attr_list_unref (attrs);
        }
    }
  layouts->has_details = TRUE;
  _sodo_card_texts_clear (&texts);
}

gboolean
_sodo_card_layouts_build (SodoCardLayouts *layouts,
                          SodoChartScene  *scene,
                          guint            unit,
                          gboolean         with_details)
{
  double width = _sodo_card_text_width (_sodo_chart_scene_get_card_width (scene));
  gboolean shaped = FALSE;

  if (layouts->name == NULL)
    {
      build_name_layout (layouts, scene, unit, width);
      shaped = TRUE;
    }
  if (with_details && !layouts->has_details)
    {
      build_detail_layouts (layouts, scene, unit, width);
      shaped = TRUE;
    }
  return shaped;
}

void
_sodo_card_layouts_clear (SodoCardLayouts *layouts)
{
  g_clear_object (&layouts->name);
  g_clear_object (&layouts->second);
  g_clear_object (&layouts->bottom);
  layouts->has_details = FALSE;
}

static void
show_layout (cairo_t         *cr,
             PangoLayout     *layout,
             double           x,
             double           y,
             SodoRenderStats *stats)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  stats->n_texts++;
}

static void
draw_card_text (SodoChartScene         *scene,
                cairo_t                *cr,
                guint                   unit,
                const SodoLayoutRect   *rect,
                const SodoChartPalette *palette,
                gboolean                with_details,
                guint                  *budget,
                SodoRenderStats        *stats)
{
  SodoChartFonts *fonts = _sodo_chart_scene_get_fonts (scene);
  const SodoCardLayouts *layouts;
  gboolean shaped = FALSE, has_second, has_bottom;
  double x = rect->x + _SODO_CARD_BAND + _SODO_CARD_PAD_X;
  double y = rect->y + _SODO_CARD_PAD_TOP;
  double detail_line = _sodo_chart_fonts_get_height (fonts, _SODO_CHART_FONT_DETAIL, 1);
  double natural;

  /* A card raised to the minimum height has its text in the middle. */
  _sodo_card_get_lines (sodo_chart_scene_get_orgchart (scene), unit, &has_second, &has_bottom);
  natural = _sodo_card_height (fonts, _sodo_chart_scene_get_name_lines (scene, unit),
                               has_second, has_bottom, FALSE);
  y += MAX (0, (rect->height - natural) / 2);

  if (budget != NULL && *budget == 0 &&
      !_sodo_chart_scene_has_card_layouts (scene, unit, with_details))
    {
      stats->n_deferred++;
      if (!with_details || !_sodo_chart_scene_has_card_layouts (scene, unit, FALSE))
        {
          /* Out of shaping budget: a bar where the name goes, the text in a later frame. */
          double line = _sodo_chart_fonts_get_height (fonts, _SODO_CHART_FONT_NAME, 1);

          cairo_rectangle (cr, x, y + line * 0.25, (rect->x + rect->width - x) * 0.7,
                           line * 0.5);
          _sodo_cairo_set_color (cr, palette->card_border);
          cairo_fill (cr);
          return;
        }
      /* The name is at hand; the lines below it come later. */
      with_details = FALSE;
    }

  layouts = _sodo_chart_scene_get_card_layouts (scene, unit, with_details, &shaped);
  if (shaped)
    {
      stats->n_shaped++;
      if (budget != NULL && *budget > 0)
        (*budget)--;
    }

  _sodo_cairo_set_color (cr, palette->text);
  show_layout (cr, layouts->name, x, y, stats);
  if (!with_details)
    return;
  y += _sodo_chart_fonts_get_height (fonts, _SODO_CHART_FONT_NAME,
                                     _sodo_chart_scene_get_name_lines (scene, unit));

  _sodo_cairo_set_color (cr, palette->secondary_text);
  if (layouts->second != NULL)
    {
      y += _SODO_CARD_LINE_GAP;
      show_layout (cr, layouts->second, x, y, stats);
      y += detail_line;
    }
  if (layouts->bottom != NULL)
    {
      y += _SODO_CARD_LINE_GAP;
      show_layout (cr, layouts->bottom, x, y, stats);
    }
}

static void
draw_badge (SodoChartScene         *scene,
            cairo_t                *cr,
            guint                   unit,
            const SodoLayoutRect   *rect,
            const SodoChartPalette *palette,
            SodoRenderStats        *stats)
{
  SodoChartFonts *fonts = _sodo_chart_scene_get_fonts (scene);
  const SodoLayoutResult *layout = sodo_chart_scene_get_layout (scene);
  g_autoptr(PangoLayout) text = pango_layout_new (_sodo_chart_fonts_get_context (fonts));
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;
  PangoRectangle logical;
  double width, height, cx, cy;

  count = sodo_format_number (sodo_chart_scene_get_descendant_count (scene, unit),
                              sodo_language_get ());
  label = g_strconcat ("+", count, NULL);
  pango_layout_set_font_description (text, _sodo_chart_fonts_get (fonts, _SODO_CHART_FONT_SMALL));
  pango_layout_set_text (text, label, -1);
  pango_layout_get_extents (text, NULL, &logical);
  stats->n_shaped++;

  width = (double) logical.width / PANGO_SCALE + 2 * BADGE_PAD_X;
  height = (double) logical.height / PANGO_SCALE + 2 * BADGE_PAD_Y;
  /* Where the hidden children's connector would leave the card. */
  if (layout->orientation == SODO_LAYOUT_LEFT_RIGHT)
    {
      cx = rect->x + rect->width;
      cy = rect->y + rect->height / 2;
    }
  else
    {
      cx = rect->x + rect->width / 2;
      cy = rect->y + rect->height;
    }

  _sodo_cairo_rounded_rect (cr, cx - width / 2, cy - height / 2, width, height, height / 2);
  _sodo_cairo_set_color (cr, palette->badge);
  cairo_fill (cr);
  _sodo_cairo_set_color (cr, palette->badge_text);
  show_layout (cr, text, cx - width / 2 + BADGE_PAD_X, cy - height / 2 + BADGE_PAD_Y, stats);
  stats->n_badges++;
}

static void
stroke_ring (cairo_t              *cr,
             const SodoLayoutRect *rect,
             double                inset,
             double                line_width,
             SodoChartColor        color)
{
  _sodo_cairo_rounded_rect (cr, rect->x + inset, rect->y + inset,
                            rect->width - 2 * inset, rect->height - 2 * inset,
                            _SODO_CARD_RADIUS - inset);
  _sodo_cairo_set_color (cr, color);
  cairo_set_line_width (cr, line_width);
  cairo_stroke (cr);
}

/* The band follows the card's rounded left corners: the part of the body left of
 * x + _SODO_CARD_BAND. */
static void
band_path (cairo_t              *cr,
           const SodoLayoutRect *rect,
           gboolean              rounded)
{
  double x = rect->x + CARD_BORDER, y = rect->y + CARD_BORDER;
  double height = rect->height - 2 * CARD_BORDER;
  double radius = rounded ? MIN (_SODO_CARD_RADIUS - CARD_BORDER, height / 2) : 0;
  double right = rect->x + MAX (_SODO_CARD_BAND, CARD_BORDER + radius);
  double k = radius * (1 - ROUNDED_KAPPA);

  if (!rounded)
    {
      cairo_rectangle (cr, x, y, right - x, height);
      return;
    }
  cairo_move_to (cr, right, y);
  cairo_line_to (cr, x + radius, y);
  cairo_curve_to (cr, x + k, y, x, y + k, x, y + radius);
  cairo_line_to (cr, x, y + height - radius);
  cairo_curve_to (cr, x, y + height - k, x + k, y + height, x + radius, y + height);
  cairo_line_to (cr, right, y + height);
  cairo_close_path (cr);
}

/* Every card's shape, inset by @inset and @deeper points taller, in one path filled once.
 * Without @rounded, plain rectangles: they fill several times faster, and zoomed out the
 * corners are not seen. */
static void
fill_cards (cairo_t                *cr,
            const SodoLayoutResult *layout,
            const guint32          *units,
            gsize                   n_units,
            gboolean                rounded,
            double                  inset,
            double                  deeper,
            SodoChartColor          color)
{
  if (n_units == 0)
    return;
  for (gsize i = 0; i < n_units; i++)
    {
      const SodoLayoutRect *r = &layout->rects[units[i]];
      double width = r->width - 2 * inset, height = r->height - 2 * inset + deeper;

      if (rounded)
        _sodo_cairo_rounded_rect (cr, r->x + inset, r->y + inset, width, height,
                                  _SODO_CARD_RADIUS - inset);
      else
        cairo_rectangle (cr, r->x + inset, r->y + inset, width, height);
    }
  _sodo_cairo_set_color (cr, color);
  cairo_fill (cr);
}

/* The cards' shapes: outlines, bodies and kind bands, each a few fills for all the
 * cards (one fill per card costs several times more at the scales where many are seen).
 * Cards never overlap, so drawing layer by layer looks as drawing card by card. */
static void
draw_card_shapes (SodoChartScene         *scene,
                  cairo_t                *cr,
                  const SodoLayoutResult *layout,
                  const guint32          *units,
                  gsize                   n_units,
                  const SodoRenderParams *params,
                  const SodoChartPalette *palette,
                  double                  pixels_per_point)
{
  g_autofree guint32 *plain = g_new (guint32, MAX (n_units, 1));
  g_autofree guint32 *matched = g_new (guint32, MAX (n_units, 1));
  g_autofree guint32 *by_kind = g_new (guint32, MAX (n_units, 1));
  g_autofree guint32 *starts = NULL;
  gsize n_plain = 0, n_matched = 0;
  guint n_kinds = 0;
  SodoChartColor opaque_match = palette->match;
  SodoChartColor opaque_border = palette->card_border;
  SodoChartColor match_fill;
  /* Rounded corners where they show: a few device pixels large, or whenever full detail
   * is asked for (print, export). */
  gboolean rounded = params->detail == SODO_CHART_DETAIL_FULL ||
                     pixels_per_point >= ROUNDED_MIN_PIXELS_PER_POINT;

  /* The match tint over the card, as one opaque colour. */
  opaque_match.alpha = 1;
  match_fill = sodo_chart_color_mix (palette->card, opaque_match, palette->match.alpha);
  opaque_border.alpha = 1;
  opaque_border = sodo_chart_color_mix (palette->background, opaque_border,
                                        palette->card_border.alpha);

  for (gsize i = 0; i < n_units; i++)
    {
      if (_sodo_render_is_match (params->matches, units[i]))
        matched[n_matched++] = units[i];
      else
        plain[n_plain++] = units[i];
    }

  /* The outline is the card's shape in an opaque border colour, a point deeper than the
   * card so that its lower edge reads as a shadow; the body covers all but its rim. Two
   * opaque fills: a translucent shadow and ring cost twice as much. */
  fill_cards (cr, layout, plain, n_plain, rounded, 0, SHADOW_DEPTH, opaque_border);
  fill_cards (cr, layout, plain, n_plain, rounded, CARD_BORDER, 0, palette->card);
  fill_cards (cr, layout, matched, n_matched, rounded, 0, SHADOW_DEPTH, palette->match_border);
  fill_cards (cr, layout, matched, n_matched, rounded, MATCH_BORDER, 0, match_fill);

  /* Bands, one fill per kind. */
  starts = _sodo_sort_by_kind (scene, units, n_units, by_kind, &n_kinds);
  for (guint k = 0; k <= n_kinds; k++)
    {
      if (starts[k] == starts[k + 1])
        continue;
      for (guint32 i = starts[k]; i < starts[k + 1]; i++)
        band_path (cr, &layout->rects[by_kind[i]], rounded);
      _sodo_cairo_set_color (cr, _sodo_palette_data_color (palette,
                                                           _sodo_chart_scene_get_kind_color (scene, k)));
      cairo_fill (cr);
    }
}

/* The same shapes written on a canvas, for frames where cards are small and many: whole
 * pixels, a one-pixel outline, no rounded corners (they would not show). */
static void
canvas_card_shapes (SodoChartScene         *scene,
                    SodoCanvas             *canvas,
                    const SodoLayoutResult *layout,
                    const guint32          *units,
                    gsize                   n_units,
                    const SodoRenderParams *params,
                    const SodoChartPalette *palette)
{
  const SodoUnit *model_units = sodo_orgchart_get_units (sodo_chart_scene_get_orgchart (scene));
  double pixel = _sodo_canvas_get_pixel_size (canvas);
  SodoChartColor opaque_match = palette->match;
  SodoChartColor opaque_border = palette->card_border;
  SodoChartColor match_fill;

  opaque_match.alpha = 1;
  match_fill = sodo_chart_color_mix (palette->card, opaque_match, palette->match.alpha);
  opaque_border.alpha = 1;
  opaque_border = sodo_chart_color_mix (palette->background, opaque_border,
                                        palette->card_border.alpha);

  for (gsize i = 0; i < n_units; i++)
    {
      const SodoLayoutRect *r = &layout->rects[units[i]];
      gboolean match = _sodo_render_is_match (params->matches, units[i]);
      double inset = match ? 2 * pixel : pixel;
      double x1 = r->x + r->width, y1 = r->y + r->height;
      SodoChartColor kind;

      kind = _sodo_palette_data_color (palette,
                                       _sodo_chart_scene_get_kind_color (scene,
                                                                         model_units[units[i]].kind));
      _sodo_canvas_fill (canvas, r->x, r->y, x1, y1, match ? palette->match_border : opaque_border);
      _sodo_canvas_fill (canvas, r->x + inset, r->y + inset, x1 - inset, y1 - inset,
                         match ? match_fill : palette->card);
      _sodo_canvas_fill (canvas, r->x + inset, r->y + inset,
                         r->x + MAX (_SODO_CARD_BAND, inset + pixel), y1 - inset, kind);
    }
}

void
_sodo_cards_draw (SodoChartScene         *scene,
                  cairo_t                *cr,
                  const SodoLayoutResult *layout,
                  const guint32          *units,
                  gsize                   n_units,
                  const SodoRenderParams *params,
                  const SodoChartPalette *palette,
                  SodoCanvas             *canvas,
                  SodoRenderStats        *stats)
{
  double dx = 1, dy = 0;
  gboolean with_details;
  guint budget;

  if (canvas != NULL)
    {
      canvas_card_shapes (scene, canvas, layout, units, n_units, params, palette);
      _sodo_canvas_end (canvas, cr);
    }
  else
    {
      cairo_user_to_device_distance (cr, &dx, &dy);
      draw_card_shapes (scene, cr, layout, units, n_units, params, palette, hypot (dx, dy));
    }

  /* The short name and the figures are a few pixels tall below DETAIL_TEXT_MIN_SCALE: not
   * worth shaping, only the names are drawn. */
  with_details = params->detail == SODO_CHART_DETAIL_FULL ||
                 params->scale >= SODO_CHART_DETAIL_TEXT_MIN_SCALE;
  budget = params->shaping_budget;
  for (gsize i = 0; i < n_units; i++)
    draw_card_text (scene, cr, units[i], &layout->rects[units[i]], palette, with_details,
                    params->shaping_budget > 0 ? &budget : NULL, stats);

  for (gsize i = 0; i < n_units; i++)
    {
      guint unit = units[i];
      const SodoLayoutRect *rect = &layout->rects[unit];

      if (unit == params->selected_unit)
        stroke_ring (cr, rect, SELECTION_INSET, SELECTION_WIDTH, palette->selection);
      else if (unit == params->hover_unit)
        stroke_ring (cr, rect, HOVER_INSET, HOVER_WIDTH, palette->hover);
      if (sodo_chart_scene_get_collapsed (scene, unit))
        draw_badge (scene, cr, unit, rect, palette, stats);
    }
  stats->n_cards += n_units;
}
