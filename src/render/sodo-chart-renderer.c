/* sodo-chart-renderer.c: one frame of the chart, at the level of detail its scale allows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "model/sodo-error.h"

#include "sodo-chart-render-private.h"

#define CONNECTOR_WIDTH        1.3
/* Lines never get thinner than this many device pixels, or they vanish when zoomed out. */
#define MIN_LINE_PIXELS        0.8
/* Cards are looked up in an area this much larger than the frame, so that the parts drawn
 * outside a card (shadow, selection ring, "+N" badge) are not cut at the frame's edge. */
#define CARD_OVERHANG          14.0
/* A quarter circle as one cubic Bézier: 4/3 (sqrt 2 - 1). */
#define ROUNDED_KAPPA          0.5522847498
/* Below this many device pixels per point, full-detail cards are drawn on a canvas (the
 * same limit below which their corners are not rounded). */
#define CANVAS_MAX_PIXELS_PER_POINT 0.6
/* The side of the largest image cairo makes. */
#define MAX_IMAGE_SIDE         32767

void
sodo_render_params_init (SodoRenderParams *params)
{
  g_return_if_fail (params != NULL);

  params->area.x = 0;
  params->area.y = 0;
  params->area.width = 0;
  params->area.height = 0;
  params->scale = 1.0;
  params->detail = SODO_CHART_DETAIL_AUTO;
  params->palette = NULL;
  params->paint_background = TRUE;
  params->show_relations = TRUE;
  params->subdue_relations = FALSE;
  params->selected_unit = SODO_NO_INDEX;
  params->hover_unit = SODO_NO_INDEX;
  params->matches = NULL;
  params->shaping_budget = 0;
  params->pixel_scale = 1.0;
  params->stats = NULL;
}

void
sodo_render_params_set_whole_chart (SodoRenderParams *params,
                                    SodoChartScene   *scene,
                                    double            margin)
{
  SodoLayoutRect bounds;

  g_return_if_fail (params != NULL);
  g_return_if_fail (SODO_IS_CHART_SCENE (scene));

  sodo_chart_scene_get_bounds (scene, &bounds);
  params->area.x = bounds.x - margin;
  params->area.y = bounds.y - margin;
  params->area.width = bounds.width + 2 * margin;
  params->area.height = bounds.height + 2 * margin;
}

void
_sodo_cairo_set_color (cairo_t        *cr,
                       SodoChartColor  color)
{
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
}

void
_sodo_cairo_rounded_rect (cairo_t *cr,
                          double   x,
                          double   y,
                          double   width,
                          double   height,
                          double   radius)
{
  /* Corners as single Béziers rather than cairo_arc(): no trigonometry, and the same
   * shape to the eye, for the thousands of cards a frame may hold. */
  double k;

  radius = CLAMP (radius, 0, MIN (width, height) / 2);
  k = radius * (1 - ROUNDED_KAPPA);
  cairo_move_to (cr, x + radius, y);
  cairo_line_to (cr, x + width - radius, y);
  cairo_curve_to (cr, x + width - k, y, x + width, y + k, x + width, y + radius);
  cairo_line_to (cr, x + width, y + height - radius);
  cairo_curve_to (cr, x + width, y + height - k, x + width - k, y + height,
                  x + width - radius, y + height);
  cairo_line_to (cr, x + radius, y + height);
  cairo_curve_to (cr, x + k, y + height, x, y + height - k, x, y + height - radius);
  cairo_line_to (cr, x, y + radius);
  cairo_curve_to (cr, x, y + k, x + k, y, x + radius, y);
  cairo_close_path (cr);
}

SodoChartColor
_sodo_palette_data_color (const SodoChartPalette *palette,
                          guint32                 rgb)
{
  SodoChartColor white = { 1, 1, 1, 1 };

  return sodo_chart_color_mix (sodo_chart_color_from_rgb (rgb, 1), white, palette->data_lighten);
}

static SodoChartDetail
choose_detail (const SodoRenderParams *params)
{
  if (params->detail != SODO_CHART_DETAIL_AUTO)
    return params->detail;
  if (params->scale >= SODO_CHART_TEXT_MIN_SCALE)
    return SODO_CHART_DETAIL_FULL;
  if (params->scale >= SODO_CHART_BLOCK_MIN_SCALE)
    return SODO_CHART_DETAIL_BLOCKS;
  return SODO_CHART_DETAIL_DENSITY;
}

/* Device pixels per chart point under the cairo_t's current transform. */
static double
pixels_per_point (cairo_t *cr)
{
  double dx = 1, dy = 0;

  cairo_user_to_device_distance (cr, &dx, &dy);
  return MAX (hypot (dx, dy), 1e-9);
}

typedef struct {
  guint32 *items;
  gsize    n;
  gsize    size;
} IndexList;

static void
collect_index (uint32_t  index,
               void     *user_data)
{
  IndexList *list = user_data;

  if (list->n == list->size)
    {
      list->size = MAX (256, list->size * 2);
      list->items = g_renew (guint32, list->items, list->size);
    }
  list->items[list->n++] = index;
}

/* Where the pixels are: user space to pixels is x * scale_x + offset_x (likewise y), when
 * the transform has no rotation. Shapes snapped to it are crisp and fill through cairo's
 * fast path for pixel-aligned boxes. */
typedef struct {
  gboolean enabled;
  double   scale_x, scale_y;
  double   offset_x, offset_y;
} PixelGrid;

static void
pixel_grid_init (PixelGrid              *grid,
                 cairo_t                *cr,
                 const SodoRenderParams *params)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t ctm;
  double device_sx = 1, device_sy = 1, device_ox = 0, device_oy = 0;

  cairo_get_matrix (cr, &ctm);
  cairo_surface_get_device_scale (target, &device_sx, &device_sy);
  cairo_surface_get_device_offset (target, &device_ox, &device_oy);
  /* Print and export ask for full detail: their geometry stays exact. */
  grid->enabled = params->detail != SODO_CHART_DETAIL_FULL &&
                  ctm.xy == 0 && ctm.yx == 0 && ctm.xx > 0 && ctm.yy > 0;
  grid->scale_x = ctm.xx * device_sx;
  grid->scale_y = ctm.yy * device_sy;
  grid->offset_x = ctm.x0 * device_sx + device_ox;
  grid->offset_y = ctm.y0 * device_sy + device_oy;
}

/* A rectangle with its edges on pixel boundaries, at least a pixel in each direction. */
static void
snapped_rectangle (cairo_t         *cr,
                   const PixelGrid *grid,
                   double           x,
                   double           y,
                   double           width,
                   double           height)
{
  double x0, x1, y0, y1;

  if (!grid->enabled)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }
  x0 = round (x * grid->scale_x + grid->offset_x);
  x1 = MAX (x0 + 1, round ((x + width) * grid->scale_x + grid->offset_x));
  y0 = round (y * grid->scale_y + grid->offset_y);
  y1 = MAX (y0 + 1, round ((y + height) * grid->scale_y + grid->offset_y));
  cairo_rectangle (cr, (x0 - grid->offset_x) / grid->scale_x, (y0 - grid->offset_y) / grid->scale_y,
                   (x1 - x0) / grid->scale_x, (y1 - y0) / grid->scale_y);
}

/* A line of @width along x (or y) from @from to @to at @across, on whole pixels: its width
 * rounded to whole pixels (at least one) and centred on the pixel nearest its middle. */
static void
snapped_line (cairo_t         *cr,
              const PixelGrid *grid,
              gboolean         horizontal,
              double           across,
              double           from,
              double           to,
              double           width)
{
  double half = width / 2;
  double scale, offset, pixels, start;

  if (!grid->enabled)
    {
      if (horizontal)
        cairo_rectangle (cr, from - half, across - half, to - from + width, width);
      else
        cairo_rectangle (cr, across - half, from - half, width, to - from + width);
      return;
    }
  scale = horizontal ? grid->scale_y : grid->scale_x;
  offset = horizontal ? grid->offset_y : grid->offset_x;
  pixels = MAX (1, round (width * scale));
  start = floor (across * scale + offset - pixels / 2 + 0.5);
  across = (start + pixels / 2 - offset) / scale;
  half = pixels / 2 / scale;
  if (horizontal)
    snapped_rectangle (cr, grid, from - half, across - half, to - from + 2 * half, 2 * half);
  else
    snapped_rectangle (cr, grid, across - half, from - half, 2 * half, to - from + 2 * half);
}

/* A horizontal (or vertical) piece of connector at y (or x) "across", from x (or y) "from"
 * to "to", with a sort key made of across and from. */
typedef struct {
  guint64 key;
  float   across;
  float   from;
  float   to;
} Segment;

/* An unsigned integer that orders like the float @value. */
static inline guint32
float_order (float value)
{
  guint32 bits;

  memcpy (&bits, &value, sizeof bits);
  return bits & 0x80000000u ? ~bits : bits | 0x80000000u;
}

static inline Segment
make_segment (float across,
              float a,
              float b)
{
  Segment segment = { 0, across, MIN (a, b), MAX (a, b) };

  segment.key = ((guint64) float_order (across) << 32) | float_order (segment.from);
  return segment;
}

/* Sorts by key: eight byte-wide counting passes, linear in @n (a frame may hold tens of
 * thousands of connector pieces, and qsort() showed in the profile). */
static void
sort_segments (Segment *segments,
               gsize    n)
{
  g_autofree Segment *scratch = NULL;
  Segment *from = segments, *to;

  /* Nothing to sort; and the test below reads the first key. */
  if (n < 2)
    return;
  to = scratch = g_new (Segment, n);
  for (guint shift = 0; shift < 64; shift += 8)
    {
      gsize counts[257] = { 0, };

      for (gsize i = 0; i < n; i++)
        counts[((from[i].key >> shift) & 0xff) + 1]++;
      if (counts[((from[0].key >> shift) & 0xff) + 1] == n)
        continue;   /* this byte is the same everywhere */
      for (guint b = 0; b < 256; b++)
        counts[b + 1] += counts[b];
      for (gsize i = 0; i < n; i++)
        to[counts[(from[i].key >> shift) & 0xff]++] = from[i];
      { Segment *swap = from; from = to; to = swap; }
    }
  if (from != segments)
    memcpy (segments, from, n * sizeof (Segment));
}

/* Sorts @segments and merges those that overlap on one line; returns how many are left. */
static gsize
merge_segments (Segment *segments,
                gsize    n)
{
  gsize n_merged = 0;

  sort_segments (segments, n);
  for (gsize first = 0; first < n; )
    {
      Segment merged = segments[first];
      gsize next = first + 1;

      for (; next < n && segments[next].across == merged.across && segments[next].from <= merged.to;
           next++)
        merged.to = MAX (merged.to, segments[next].to);
      segments[n_merged++] = merged;
      first = next;
    }
  return n_merged;
}

/* The visible connectors as horizontal and vertical segments, their overlaps merged:
 * siblings' connectors share their parent's stub and overlap along the bus, and drawing
 * the union, not every polyline, is both cheaper and even (shared parts do not darken). */
typedef struct {
  Segment *horizontal;
  gsize    n_horizontal;
  Segment *vertical;
  gsize    n_vertical;
} Connectors;

static void
connectors_collect (Connectors             *connectors,
                    const SodoLayoutResult *layout,
                    const IndexList        *edges,
                    SodoRenderStats        *stats)
{
  gsize size = MAX (edges->n * (SODO_LAYOUT_EDGE_MAX_POINTS - 1), 1);

  connectors->horizontal = g_new (Segment, size);
  connectors->vertical = g_new (Segment, size);
  connectors->n_horizontal = connectors->n_vertical = 0;
  for (gsize i = 0; i < edges->n; i++)
    {
      SodoLayoutPoint points[SODO_LAYOUT_EDGE_MAX_POINTS];
      guint32 n_points = sodo_layout_edge_get_points (layout, edges->items[i], points);

      for (guint32 p = 1; p < n_points; p++)
        {
          const SodoLayoutPoint *a = &points[p - 1], *b = &points[p];

          if (a->y == b->y && a->x != b->x)
            connectors->horizontal[connectors->n_horizontal++] = make_segment (a->y, a->x, b->x);
          else if (a->x == b->x && a->y != b->y)
            connectors->vertical[connectors->n_vertical++] = make_segment (a->x, a->y, b->y);
        }
      if (n_points > 0)
        stats->n_edges++;
    }
  connectors->n_horizontal = merge_segments (connectors->horizontal, connectors->n_horizontal);
  connectors->n_vertical = merge_segments (connectors->vertical, connectors->n_vertical);
}

static void
connectors_clear (Connectors *connectors)
{
  g_clear_pointer (&connectors->horizontal, g_free);
  g_clear_pointer (&connectors->vertical, g_free);
}

/* Connectors as rectangles filled at once: much cheaper than stroking them. */
static void
draw_connectors (cairo_t                *cr,
                 const PixelGrid        *grid,
                 const SodoLayoutResult *layout,
                 const IndexList        *edges,
                 const SodoChartPalette *palette,
                 double                  line_width,
                 SodoRenderStats        *stats)
{
  Connectors connectors;

  connectors_collect (&connectors, layout, edges, stats);
  for (gsize i = 0; i < connectors.n_horizontal; i++)
    snapped_line (cr, grid, TRUE, connectors.horizontal[i].across, connectors.horizontal[i].from,
                  connectors.horizontal[i].to, line_width);
  for (gsize i = 0; i < connectors.n_vertical; i++)
    snapped_line (cr, grid, FALSE, connectors.vertical[i].across, connectors.vertical[i].from,
                  connectors.vertical[i].to, line_width);
  if (connectors.n_horizontal + connectors.n_vertical > 0)
    {
      _sodo_cairo_set_color (cr, palette->connector);
      cairo_fill (cr);
    }
  connectors_clear (&connectors);
}

/* A canvas over the part of @area the chart (with its cards' overhang) covers. */
static gboolean
begin_chart_canvas (SodoCanvas             *canvas,
                    cairo_t                *cr,
                    const SodoLayoutResult *layout,
                    const SodoChartRect    *area,
                    double                  pixel_scale)
{
  SodoChartRect extent;

  extent.x = MAX (area->x, layout->bounds.x - CARD_OVERHANG);
  extent.y = MAX (area->y, layout->bounds.y - CARD_OVERHANG);
  extent.width = MIN (area->x + area->width, layout->bounds.x + layout->bounds.width + CARD_OVERHANG)
                 - extent.x;
  extent.height = MIN (area->y + area->height,
                       layout->bounds.y + layout->bounds.height + CARD_OVERHANG) - extent.y;
  return _sodo_canvas_begin (canvas, cr, &extent, pixel_scale);
}

/* Connectors on a canvas: a whole number of pixels wide (at least one), centred on their
 * line. */
static void
canvas_connectors (SodoCanvas             *canvas,
                   const SodoLayoutResult *layout,
                   const IndexList        *edges,
                   const SodoChartPalette *palette,
                   SodoRenderStats        *stats)
{
  double pixel = _sodo_canvas_get_pixel_size (canvas);
  double half = MAX (1, round (CONNECTOR_WIDTH / pixel)) * pixel / 2;
  Connectors connectors;

  connectors_collect (&connectors, layout, edges, stats);
  for (gsize i = 0; i < connectors.n_horizontal; i++)
    {
      const Segment *h = &connectors.horizontal[i];

      _sodo_canvas_fill (canvas, h->from - half, h->across - half, h->to + half, h->across + half,
                         palette->connector);
    }
  for (gsize i = 0; i < connectors.n_vertical; i++)
    {
      const Segment *v = &connectors.vertical[i];

      _sodo_canvas_fill (canvas, v->across - half, v->from - half, v->across + half, v->to + half,
                         palette->connector);
    }
  connectors_clear (&connectors);
}

static void
draw_full (SodoChartScene         *scene,
           cairo_t                *cr,
           const SodoLayoutResult *layout,
           const SodoChartRect    *area,
           const SodoRenderParams *params,
           const SodoChartPalette *palette,
           SodoRenderStats        *stats)
{
  IndexList nodes = { 0, }, edges = { 0, };
  double line_width = MAX (CONNECTOR_WIDTH, MIN_LINE_PIXELS / pixels_per_point (cr));
  PixelGrid grid;
  SodoCanvas canvas;

  sodo_layout_query_rect (layout, area->x - CARD_OVERHANG, area->y - CARD_OVERHANG,
                          area->width + 2 * CARD_OVERHANG, area->height + 2 * CARD_OVERHANG,
                          collect_index, NULL, &nodes);
  sodo_layout_query_rect (layout, area->x, area->y, area->width, area->height,
                          NULL, collect_index, &edges);

  /* Relations run under the cards, so that a curve crossing a card leaves its text
   * legible; their labels go on top. Small cards (no rounded corners to see) and their
   * connectors are written on a canvas, many times faster than as paths. */
  if (params->detail != SODO_CHART_DETAIL_FULL &&
      pixels_per_point (cr) < CANVAS_MAX_PIXELS_PER_POINT &&
      begin_chart_canvas (&canvas, cr, layout, area, params->pixel_scale))
    {
      if (params->show_relations)
        _sodo_relations_draw (scene, cr, area, params, palette, _SODO_RELATIONS_CURVES,
                              stats);
      canvas_connectors (&canvas, layout, &edges, palette, stats);
      _sodo_cards_draw (scene, cr, layout, nodes.items, nodes.n, params, palette, &canvas, stats);
    }
  else
    {
      pixel_grid_init (&grid, cr, params);
      draw_connectors (cr, &grid, layout, &edges, palette, line_width, stats);
      if (params->show_relations)
        _sodo_relations_draw (scene, cr, area, params, palette, _SODO_RELATIONS_CURVES,
                              stats);
      _sodo_cards_draw (scene, cr, layout, nodes.items, nodes.n, params, palette, NULL, stats);
    }
  if (params->show_relations)
    _sodo_relations_draw (scene, cr, area, params, palette, _SODO_RELATIONS_LABELS, stats);

  g_free (nodes.items);
  g_free (edges.items);
}

guint32 *
_sodo_sort_by_kind (SodoChartScene *scene,
                    const guint32  *units,
                    gsize           n_units,
                    guint32        *sorted,
                    guint          *n_kinds)
{
  const SodoUnit *model_units = sodo_orgchart_get_units (sodo_chart_scene_get_orgchart (scene));
  guint32 *starts;

  sodo_orgchart_get_kinds (sodo_chart_scene_get_orgchart (scene), n_kinds);
  starts = g_new0 (guint32, *n_kinds + 2);

  /* Counting sort: a kind out of range goes with the last, "no kind", slot. */
  for (gsize i = 0; i < n_units; i++)
    starts[MIN (model_units[units[i]].kind, *n_kinds) + 1]++;
  for (guint k = 0; k <= *n_kinds; k++)
    starts[k + 1] += starts[k];
  for (gsize i = 0; i < n_units; i++)
    sorted[starts[MIN (model_units[units[i]].kind, *n_kinds)]++] = units[i];
  for (guint k = *n_kinds + 1; k > 0; k--)
    starts[k] = starts[k - 1];
  starts[0] = 0;
  return starts;
}

/* Coloured rectangles and connectors, written on a canvas: a frame at this level may hold
 * thousands of each. */
static void
draw_blocks_on_canvas (SodoChartScene         *scene,
                       cairo_t                *cr,
                       const SodoLayoutResult *layout,
                       const SodoChartRect    *area,
                       const IndexList        *nodes,
                       const IndexList        *edges,
                       const SodoChartPalette *palette,
                       double                  pixel_scale,
                       SodoRenderStats        *stats)
{
  const SodoUnit *units = sodo_orgchart_get_units (sodo_chart_scene_get_orgchart (scene));
  SodoCanvas canvas;
  double band = _SODO_CARD_BAND * 2;

  if (!begin_chart_canvas (&canvas, cr, layout, area, pixel_scale))
    return;
  canvas_connectors (&canvas, layout, edges, palette, stats);
  for (gsize i = 0; i < nodes->n; i++)
    {
      const SodoLayoutRect *r = &layout->rects[nodes->items[i]];
      SodoChartColor kind = _sodo_palette_data_color (palette,
                                                      _sodo_chart_scene_get_kind_color (scene,
                                                                                        units[nodes->items[i]].kind));

      _sodo_canvas_fill (&canvas, r->x, r->y, r->x + r->width, r->y + r->height,
                         sodo_chart_color_mix (palette->card, kind, palette->block_tint));
      _sodo_canvas_fill (&canvas, r->x, r->y, r->x + MIN (band, r->width), r->y + r->height, kind);
    }
  stats->n_cards += nodes->n;
  _sodo_canvas_end (&canvas, cr);
}

static void
outline_block (cairo_t              *cr,
               const SodoLayoutRect *rect,
               double                grow,
               double                line_width,
               SodoChartColor        color)
{
  cairo_rectangle (cr, rect->x - grow, rect->y - grow, rect->width + 2 * grow,
                   rect->height + 2 * grow);
  _sodo_cairo_set_color (cr, color);
  cairo_set_line_width (cr, line_width);
  cairo_stroke (cr);
}

static void
draw_block_marks (SodoChartScene         *scene,
                  cairo_t                *cr,
                  const SodoLayoutResult *layout,
                  const IndexList        *nodes,
                  const SodoRenderParams *params,
                  const SodoChartPalette *palette,
                  double                  pixel,
                  SodoRenderStats        *stats)
{
  for (gsize i = 0; i < nodes->n; i++)
    {
      guint unit = nodes->items[i];
      const SodoLayoutRect *r = &layout->rects[unit];

      if (_sodo_render_is_match (params->matches, unit))
        {
          cairo_rectangle (cr, r->x, r->y, r->width, r->height);
          _sodo_cairo_set_color (cr, palette->match);
          cairo_fill (cr);
          outline_block (cr, r, 0, 2 * pixel, palette->match_border);
        }
      if (sodo_chart_scene_get_collapsed (scene, unit))
        {
          double radius = MAX (5.0, 3 * pixel);

          if (layout->orientation == SODO_LAYOUT_LEFT_RIGHT)
            cairo_arc (cr, r->x + r->width, r->y + r->height / 2, radius, 0, 2 * G_PI);
          else
            cairo_arc (cr, r->x + r->width / 2, r->y + r->height, radius, 0, 2 * G_PI);
          _sodo_cairo_set_color (cr, palette->badge);
          cairo_fill (cr);
          stats->n_badges++;
        }
    }
  if (params->hover_unit < layout->n_nodes && layout->visible[params->hover_unit] &&
      params->hover_unit != params->selected_unit)
    outline_block (cr, &layout->rects[params->hover_unit], 2 * pixel, 2 * pixel, palette->hover);
  if (params->selected_unit < layout->n_nodes && layout->visible[params->selected_unit])
    outline_block (cr, &layout->rects[params->selected_unit], 2 * pixel, 3 * pixel,
                   palette->selection);
}

static void
draw_blocks (SodoChartScene         *scene,
             cairo_t                *cr,
             const SodoLayoutResult *layout,
             const SodoChartRect    *area,
             const SodoRenderParams *params,
             const SodoChartPalette *palette,
             SodoRenderStats        *stats)
{
  IndexList nodes = { 0, }, edges = { 0, };
  double pixel = 1.0 / pixels_per_point (cr);

  sodo_layout_query_rect (layout, area->x - CARD_OVERHANG, area->y - CARD_OVERHANG,
                          area->width + 2 * CARD_OVERHANG, area->height + 2 * CARD_OVERHANG,
                          collect_index, NULL, &nodes);
  sodo_layout_query_rect (layout, area->x, area->y, area->width, area->height,
                          NULL, collect_index, &edges);

  /* Relations under the cards, as at full detail; the canvas is painted over them. */
  if (params->show_relations)
    _sodo_relations_draw (scene, cr, area, params, palette, _SODO_RELATIONS_CURVES, stats);
  draw_blocks_on_canvas (scene, cr, layout, area, &nodes, &edges, palette,
                         params->pixel_scale, stats);
  draw_block_marks (scene, cr, layout, &nodes, params, palette, pixel, stats);

  g_free (nodes.items);
  g_free (edges.items);
}

void
sodo_chart_render (SodoChartScene         *scene,
                   cairo_t                *cr,
                   const SodoRenderParams *params)
{
  const SodoLayoutResult *layout;
  const SodoChartPalette *palette;
  SodoRenderStats stats = { 0, };
  SodoChartRect visible;
  double x0, y0, x1, y1;

  g_return_if_fail (SODO_IS_CHART_SCENE (scene));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (params != NULL);
  g_return_if_fail (params->scale > 0);

  palette = params->palette != NULL ? params->palette : sodo_chart_palette_light ();
  stats.detail = choose_detail (params);
  layout = sodo_chart_scene_get_layout (scene);
  if (layout == NULL || params->area.width <= 0 || params->area.height <= 0)
    goto out;

  cairo_save (cr);
  cairo_scale (cr, params->scale, params->scale);
  cairo_translate (cr, -params->area.x, -params->area.y);
  cairo_rectangle (cr, params->area.x, params->area.y, params->area.width, params->area.height);
  cairo_clip (cr);

  /* The caller's clip may be smaller than the area (a widget redrawing a damaged part). */
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  visible.x = x0;
  visible.y = y0;
  visible.width = x1 - x0;
  visible.height = y1 - y0;
  if (visible.width <= 0 || visible.height <= 0)
    {
      cairo_restore (cr);
      goto out;
    }

  if (params->paint_background)
    {
      _sodo_cairo_set_color (cr, palette->background);
      cairo_paint (cr);
    }

  switch (stats.detail)
    {
    case SODO_CHART_DETAIL_FULL:
      draw_full (scene, cr, layout, &visible, params, palette, &stats);
      break;
    case SODO_CHART_DETAIL_BLOCKS:
      draw_blocks (scene, cr, layout, &visible, params, palette, &stats);
      break;
    case SODO_CHART_DETAIL_DENSITY:
    case SODO_CHART_DETAIL_AUTO:
    default:
      _sodo_overview_draw (scene, cr, &visible, params, palette, &stats);
      break;
    }
  cairo_restore (cr);

out:
  if (params->stats != NULL)
    *params->stats = stats;
}

cairo_surface_t *
sodo_chart_render_to_image (SodoChartScene         *scene,
                            const SodoRenderParams *params,
                            GError                **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (SODO_IS_CHART_SCENE (scene), NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  width = ceil (params->area.width * params->scale);
  height = ceil (params->area.height * params->scale);
  if (!(width >= 1 && height >= 1 && width <= MAX_IMAGE_SIDE && height <= MAX_IMAGE_SIDE))
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_LIMIT,
                   /* Translators: an image export is too large; the numbers are pixels */
                   _("The image would be %.0f × %.0f pixels; images can be at most %d pixels "
                     "wide and high. Choose a smaller scale."),
                   width, height, MAX_IMAGE_SIDE);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SODO_ERROR, SODO_ERROR_LIMIT,
                   _("Not enough memory for an image of %.0f × %.0f pixels."), width, height);
      cairo_surface_destroy (surface);
      return NULL;
    }
  cr = cairo_create (surface);
  sodo_chart_render (scene, cr, params);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}
