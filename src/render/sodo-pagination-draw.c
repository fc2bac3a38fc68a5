/* sodo-pagination-draw.c: a sheet of a paginated chart: header, chart, legend, crop marks
 *
 * The header holds the title block on the left (the chart's title, what part of it is
 * printed, the date the data describes and the print date) and, on a sheet of several, its
 * place on the right: "Row 2, column 3", "Sheet 5 of 6" and a small map of all the sheets
 * with this one filled in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "model/sodo-language.h"

#include "sodo-chart-render-private.h"
#include "sodo-pagination-private.h"

#define TITLE_SIZE        15.0
#define SUBTITLE_SIZE     11.0
#define META_SIZE         8.5
#define LABEL_SIZE        9.5
#define LABEL_SMALL_SIZE  8.5
#define LINE_GAP          2.0
#define LABEL_MAP_GAP     8.0
#define HEADER_COLUMN_GAP 16.0
#define MAP_MIN_WIDTH     20.0
#define MAP_MAX_WIDTH     96.0
#define CROP_MARK_WIDTH   0.5
#define CROP_MARK_INSET   3.0   /* between a mark and the chart */
/* Room around a card left out at a sheet's edge: its outline, shadow and badge. */
#define CUT_CARD_MARGIN   3.0

/* Text colours on paper. */
static const SodoChartColor ink = { 0.13, 0.13, 0.13, 1 };
static const SodoChartColor grey_ink = { 0.40, 0.40, 0.40, 1 };
static const SodoChartColor map_highlight = { 0.21, 0.52, 0.89, 0.35 };
static const SodoChartColor map_line = { 0.21, 0.52, 0.89, 1 };
const SodoChartColor _sodo_page_rule_color = { 0.75, 0.75, 0.75, 1 };

PangoLayout *
_sodo_pagination_make_layout (SodoPagination *self,
                              double          size,
                              PangoWeight     weight,
                              const char     *text)
{
  SodoChartFonts *fonts = _sodo_chart_scene_get_fonts (self->scene);
  PangoLayout *layout = pango_layout_new (_sodo_chart_fonts_get_context (fonts));
  g_autoptr(PangoFontDescription) desc = NULL;
  SodoChartSceneOptions options;

  sodo_chart_scene_get_options (self->scene, &options);
  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, options.font_family != NULL
                                           ? options.font_family
                                           : SODO_CHART_DEFAULT_FONT_FAMILY);
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE + 0.5));
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  /* Plain text: titles come from the data. */
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
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
format_meta (SodoPagination *self)
{
  SodoOrgchart *chart = sodo_chart_scene_get_orgchart (self->scene);
  const char *lang = sodo_language_get ();
  g_autofree char *today = today_iso ();
  g_autofree char *as_of = sodo_format_date (sodo_orgchart_get_as_of (chart), lang);
  g_autofree char *printed = sodo_format_date (self->print_date != NULL ? self->print_date
                                                                        : today, lang);
  g_autofree char *printed_text = NULL;

  if (printed == NULL)
    printed = sodo_format_date (today, lang);
  /* Translators: in the title block of a printed chart; %s is a date */
  printed_text = g_strdup_printf (_("Printed on %s"), printed);
  if (as_of == NULL)
    return g_steal_pointer (&printed_text);
  /* Translators: in the title block of a printed chart: the first %s is the date the chart
   * describes ("As of 27 Oct 2023"), the second "Printed on …" */
  return g_strdup_printf (_("As of %s · %s"), as_of, printed_text);
}

static void
grid_label_texts (SodoPagination *self,
                  guint           row,
                  guint           column,
                  guint           index,
                  char          **place,
                  char          **count)
{
  /* Translators: which sheet of a chart printed on several sheets this is */
  *place = g_strdup_printf (_("Row %u, column %u"), row + 1, column + 1);
  /* Translators: the number of this sheet and of all the sheets */
  *count = g_strdup_printf (_("Sheet %u of %u"), index + 1, self->pages->len);
}

static double
map_width (SodoPagination *self)
{
  double aspect = self->canvas.width / MAX (self->canvas.height, 1e-6);

  return CLAMP (_SODO_PAGE_MAP_HEIGHT * aspect, MAP_MIN_WIDTH, MAP_MAX_WIDTH);
}

void
_sodo_pagination_prepare_header (SodoPagination *self)
{
  SodoOrgchart *chart = sodo_chart_scene_get_orgchart (self->scene);
  const char *title = sodo_orgchart_text (chart, sodo_orgchart_get_title (chart));
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *place = NULL;
  g_autofree char *count = NULL;
  double width, height;

  self->title = g_strdup (title != NULL ? title : sodo_orgchart_get_display_name (chart));
  self->meta = format_meta (self);

  /* Title block: title, subtitle, dates. */
  layout = _sodo_pagination_make_layout (self, TITLE_SIZE, PANGO_WEIGHT_BOLD, self->title);
  layout_size (layout, &self->title_width, &self->title_height);
  if (self->subtitle != NULL)
    {
      g_object_unref (layout);
      layout = _sodo_pagination_make_layout (self, SUBTITLE_SIZE, PANGO_WEIGHT_NORMAL,
                                             self->subtitle);
      layout_size (layout, &width, &height);
      self->title_width = MAX (self->title_width, width);
      self->title_height += LINE_GAP + height;
    }
  g_object_unref (layout);
  layout = _sodo_pagination_make_layout (self, META_SIZE, PANGO_WEIGHT_NORMAL, self->meta);
  layout_size (layout, &width, &height);
  self->title_width = MAX (self->title_width, width);
  self->title_height += LINE_GAP + height;

  /* Label block, measured with the widest numbers a grid can have. */
  g_clear_object (&layout);
  grid_label_texts (self, SODO_PAGINATION_MAX_SHEETS_ACROSS - 1,
                    SODO_PAGINATION_MAX_SHEETS_ACROSS - 1, 0, &place, &count);
  layout = _sodo_pagination_make_layout (self, LABEL_SIZE, PANGO_WEIGHT_BOLD, place);
  layout_size (layout, &self->label_width, &self->label_height);
  self->label_height = MAX (self->label_height * 2 + LINE_GAP, _SODO_PAGE_MAP_HEIGHT);
  self->label_width += LABEL_MAP_GAP + MAP_MAX_WIDTH;
}

static void
clear_page_text (gpointer data)
{
  SodoPageText *text = data;

  g_clear_object (&text->layout);
}

/* Adds @layout with its top-left at (x, y), cut to @max_width with an ellipsis (right
 * aligned on x when @align_right); returns its height. */
static double
add_line (GArray         *texts,
          PangoLayout    *layout,
          double          x,
          double          y,
          double          max_width,
          SodoChartColor  color,
          gboolean        align_right)
{
  SodoPageText text = { layout, x, y, color };
  double height;

  pango_layout_set_width (layout, (int) (MAX (max_width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (align_right)
    {
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      text.x -= max_width;
    }
  layout_size (layout, NULL, &height);
  g_array_append_val (texts, text);
  return height;
}

static void
add_title_block (SodoPagination *self,
                 GArray         *texts,
                 double          max_width)
{
  double y = 0;

  y += add_line (texts, _sodo_pagination_make_layout (self, TITLE_SIZE, PANGO_WEIGHT_BOLD,
                                                      self->title),
                 0, y, max_width, ink, FALSE) + LINE_GAP;
  if (self->subtitle != NULL)
    y += add_line (texts, _sodo_pagination_make_layout (self, SUBTITLE_SIZE,
                                                        PANGO_WEIGHT_NORMAL, self->subtitle),
                   0, y, max_width, ink, FALSE) + LINE_GAP;
  add_line (texts, _sodo_pagination_make_layout (self, META_SIZE, PANGO_WEIGHT_NORMAL,
                                                 self->meta),
            0, y, max_width, grey_ink, FALSE);
}

static void
add_label_block (SodoPagination           *self,
                 GArray                   *texts,
                 const SodoPaginationPage *page,
                 guint                     index)
{
  g_autofree char *place = NULL;
  g_autofree char *count = NULL;
  double text_right = self->page_width - map_width (self) - LABEL_MAP_GAP;
  double text_width = self->label_width - MAP_MAX_WIDTH - LABEL_MAP_GAP;
  double y;

  grid_label_texts (self, page->row, page->column, index, &place, &count);
  y = add_line (texts, _sodo_pagination_make_layout (self, LABEL_SIZE, PANGO_WEIGHT_BOLD, place),
                text_right, 0, text_width, ink, TRUE) + LINE_GAP;
  add_line (texts, _sodo_pagination_make_layout (self, LABEL_SMALL_SIZE, PANGO_WEIGHT_NORMAL,
                                                 count),
            text_right, y, text_width, grey_ink, TRUE);
}

GArray *
_sodo_pagination_header_texts (SodoPagination *self,
                               guint           index)
{
  const SodoPaginationPage *page = &g_array_index (self->pages, SodoPaginationPage, index);
  GArray *texts = g_array_new (FALSE, FALSE, sizeof (SodoPageText));
  double title_room = self->page_width;

  g_array_set_clear_func (texts, clear_page_text);
  if (self->multi && self->options.page_labels)
    {
      add_label_block (self, texts, page, index);
      title_room -= self->label_width + HEADER_COLUMN_GAP;
    }
  if (self->options.title_block)
    add_title_block (self, texts, title_room);
  return texts;
}

gboolean
_sodo_pagination_header_rule (SodoPagination *self,
                              double         *y)
{
  *y = self->header_height + _SODO_PAGE_HEADER_GAP / 2;
  return self->header_height > 0;
}

static void
draw_header (SodoPagination *self,
             cairo_t        *cr,
             guint           index)
{
  g_autoptr(GArray) texts = _sodo_pagination_header_texts (self, index);
  double rule_y;

  for (guint i = 0; i < texts->len; i++)
    {
      const SodoPageText *text = &g_array_index (texts, SodoPageText, i);

      _sodo_cairo_set_color (cr, text->color);
      cairo_move_to (cr, text->x, text->y);
      pango_cairo_show_layout (cr, text->layout);
    }
  if (self->multi && self->options.page_labels)
    {
      double map_w = map_width (self);

      cairo_save (cr);
      cairo_translate (cr, self->page_width - map_w, 0);
      sodo_pagination_draw_map (self, cr, map_w, _SODO_PAGE_MAP_HEIGHT, index);
      cairo_restore (cr);
    }
  if (_sodo_pagination_header_rule (self, &rule_y))
    {
      /* A hairline between the header and the chart. */
      cairo_move_to (cr, 0, rule_y);
      cairo_line_to (cr, self->page_width, rule_y);
      cairo_set_line_width (cr, _SODO_PAGE_RULE_WIDTH);
      _sodo_cairo_set_color (cr, _sodo_page_rule_color);
      cairo_stroke (cr);
    }
}

static void
init_params (SodoPagination   *self,
             SodoRenderParams *params,
             const SodoChartRect *area,
             double            scale,
             SodoChartDetail   detail)
{
  sodo_render_params_init (params);
  params->area = *area;
  params->scale = scale;
  params->detail = detail;
  params->palette = &self->palette;
  params->paint_background = FALSE;
  params->show_relations = self->options.show_relations;
}

typedef struct {
  SodoPagination           *self;
  cairo_t                  *cr;
  const SodoLayoutResult   *layout;
  const SodoPaginationPage *page;
  double                    scale;
} ClipData;

static gboolean
rect_contains (const SodoChartRect *outer,
               double               x,
               double               y,
               double               width,
               double               height)
{
  return x >= outer->x && y >= outer->y && x + width <= outer->x + outer->width &&
         y + height <= outer->y + outer->height;
}

static void
add_hole (cairo_t                  *cr,
          const SodoPaginationPage *page,
          double                    scale,
          double                    x,
          double                    y,
          double                    width,
          double                    height)
{
  cairo_rectangle (cr, (x - CUT_CARD_MARGIN - page->shown.x) * scale,
                   (y - CUT_CARD_MARGIN - page->shown.y) * scale,
                   (width + 2 * CUT_CARD_MARGIN) * scale, (height + 2 * CUT_CARD_MARGIN) * scale);
}

static void
add_hole_if_cut (uint32_t  index,
                 void     *user_data)
{
  ClipData *data = user_data;
  const SodoLayoutRect *r = &data->layout->rects[index];
  SodoChartRect card = { r->x, r->y, r->width, r->height };

  /* A card cut everywhere (no gap, no room) is better cut than lost. */
  if (!rect_contains (&data->page->shown, r->x, r->y, r->width, r->height) &&
      _sodo_pagination_card_is_whole (data->self, &card))
    add_hole (data->cr, data->page, data->scale, r->x, r->y, r->width, r->height);
}

/* Clips to the sheet, less the cards its edges would cut: those are whole on their own
 * sheet, and half a card at the edge of the paper reads as a mistake. */
static void
clip_to_sheet (SodoPagination           *self,
               cairo_t                  *cr,
               const SodoPaginationPage *page)
{
  ClipData data = { self, cr, sodo_chart_scene_get_layout (self->scene), page, self->scale };
  const SodoChartRect *shown = &page->shown;

  cairo_rectangle (cr, 0, 0, shown->width * self->scale, shown->height * self->scale);
  cairo_clip_preserve (cr);
  /* The holes, even-odd in the sheet's rectangle, inside the clip to the sheet. */
  if (self->pages->len > 1)
    {
      sodo_layout_query_rect (data.layout, shown->x, shown->y, shown->width, shown->height,
                              add_hole_if_cut, NULL, &data);
      if (self->has_legend && _sodo_rects_meet (&self->legend, shown) &&
          !rect_contains (shown, self->legend.x, self->legend.y, self->legend.width,
                          self->legend.height))
        add_hole (cr, page, self->scale, self->legend.x, self->legend.y, self->legend.width,
                  self->legend.height);
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
}

static void
draw_chart (SodoPagination           *self,
            cairo_t                  *cr,
            const SodoPaginationPage *page)
{
  SodoRenderParams params;
  double s = self->scale;

  cairo_save (cr);
  cairo_translate (cr, page->x, page->y);
  clip_to_sheet (self, cr, page);

  init_params (self, &params, &page->shown, s, self->detail);
  sodo_chart_render (self->scene, cr, &params);
  if (self->has_legend && _sodo_rects_meet (&self->legend, &page->shown))
    {
      cairo_translate (cr, (self->legend.x - page->shown.x) * s,
                       (self->legend.y - page->shown.y) * s);
      cairo_scale (cr, _SODO_PAGE_LEGEND_SCALE, _SODO_PAGE_LEGEND_SCALE);
      sodo_chart_render_legend (self->scene, cr, 0, 0, &params, NULL, NULL);
    }
  cairo_restore (cr);
}

static void
mark_line (cairo_t *cr,
           double   x0,
           double   y0,
           double   x1,
           double   y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
}

/* Where a sheet is cut to be glued to its neighbours: its own part's edges, marked in the
 * margin around the chart, on the sides that have a neighbour. */
static void
draw_crop_marks (SodoPagination           *self,
                 cairo_t                  *cr,
                 const SodoPaginationPage *page)
{
  const SodoChartRect *own = &page->own, *shown = &page->shown;
  double s = self->scale;
  double top = page->y, bottom = page->y + shown->height * s;
  double left = page->x, right = page->x + shown->width * s;
  double margin = _SODO_PAGE_CROP_MARGIN;
  double x[2] = { page->x + (own->x - shown->x) * s,
                  page->x + (own->x + own->width - shown->x) * s };
  double y[2] = { page->y + (own->y - shown->y) * s,
                  page->y + (own->y + own->height - shown->y) * s };
  gboolean cut_x[2] = { own->x > shown->x, own->x + own->width < shown->x + shown->width };
  gboolean cut_y[2] = { own->y > shown->y, own->y + own->height < shown->y + shown->height };

  for (guint i = 0; i < 2; i++)
    {
      if (cut_x[i])
        {
          mark_line (cr, x[i], top - margin + 1, x[i], top - CROP_MARK_INSET);
          mark_line (cr, x[i], bottom + CROP_MARK_INSET, x[i], bottom + margin - 1);
        }
      if (cut_y[i])
        {
          mark_line (cr, left - margin + 1, y[i], left - CROP_MARK_INSET, y[i]);
          mark_line (cr, right + CROP_MARK_INSET, y[i], right + margin - 1, y[i]);
        }
    }
  cairo_set_line_width (cr, CROP_MARK_WIDTH);
  _sodo_cairo_set_color (cr, ink);
  cairo_stroke (cr);
}

void
sodo_pagination_draw_page (SodoPagination *self,
                           cairo_t        *cr,
                           guint           index)
{
  const SodoPaginationPage *page;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (index < self->pages->len);

  page = &g_array_index (self->pages, SodoPaginationPage, index);
  cairo_save (cr);
  cairo_translate (cr, self->origin_x, self->origin_y);
  draw_header (self, cr, index);
  draw_chart (self, cr, page);
  if (self->multi && self->options.crop_marks)
    draw_crop_marks (self, cr, page);
  cairo_restore (cr);
}

void
sodo_pagination_draw_map (SodoPagination *self,
                          cairo_t        *cr,
                          double          width,
                          double          height,
                          guint           highlight)
{
  SodoRenderParams params;
  cairo_matrix_t unscaled;
  double m;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  m = MIN (width / self->canvas.width, height / self->canvas.height);
  if (!(m > 0))
    return;

  cairo_save (cr);
  /* The content in the middle of the box. */
  cairo_translate (cr, (width - self->canvas.width * m) / 2,
                   (height - self->canvas.height * m) / 2);
  init_params (self, &params, &self->canvas, m, SODO_CHART_DETAIL_AUTO);
  params.show_relations = FALSE;
  sodo_chart_render (self->scene, cr, &params);

  cairo_get_matrix (cr, &unscaled);
  cairo_scale (cr, m, m);
  cairo_translate (cr, -self->canvas.x, -self->canvas.y);
  if (self->has_legend)
    {
      cairo_rectangle (cr, self->legend.x, self->legend.y, self->legend.width,
                       self->legend.height);
      _sodo_cairo_set_color (cr, (SodoChartColor) { 0.6, 0.6, 0.6, 1 });
      cairo_fill (cr);
    }
  for (guint i = 0; i < self->pages->len; i++)
    {
      const SodoPaginationPage *page = &g_array_index (self->pages, SodoPaginationPage, i);

      cairo_rectangle (cr, page->own.x, page->own.y, page->own.width, page->own.height);
      if (i == highlight)
        {
          _sodo_cairo_set_color (cr, map_highlight);
          cairo_fill_preserve (cr);
        }
    }
  /* Lines of the same width whatever the map's scale. */
  cairo_set_matrix (cr, &unscaled);
  cairo_set_line_width (cr, 0.6);
  _sodo_cairo_set_color (cr, map_line);
  cairo_stroke (cr);
  cairo_restore (cr);
}
