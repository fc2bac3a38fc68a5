/* sodo-chart-renderer.c: one frame of the chart, at the level of detail its scale allows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

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
  params->selected_unit = SODO_NO_INDEX;
  params->hover_unit = SODO_NO_INDEX;
  params->matches = NULL;
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

/* A horizontal (or vertical) piece of connector: y (or x) and the x (or y) range. */
typedef struct {
  float across;
  float from;
  float to;
} Segment;

static int
compare_segments (gconstpointer a,
                  gconstpointer b)
{
  const Segment *sa = a, *sb = b;

  if (sa->across != sb->across)
    return sa->across < sb->across ? -1 : 1;
  return sa->from < sb->from ? -1 : sa->from > sb->from;
}

/* Adds the union of @segments (sorted in place) as rectangles @width wide. */
static void
add_merged_segments (cairo_t *cr,
                     Segment *segments,
                     gsize    n,
                     gboolean horizontal,
                     double   width)
{
  double half = width / 2;

  qsort (segments, n, sizeof (Segment), compare_segments);
  for (gsize first = 0; first < n; )
    {
      float across = segments[first].across;
      float from = segments[first].from, to = segments[first].to;
      gsize next = first + 1;

      for (; next < n && segments[next].across == across && segments[next].from <= to; next++)
        to = MAX (to, segments[next].to);
      if (horizontal)
        cairo_rectangle (cr, from - half, across - half, to - from + width, width);
      else
        cairo_rectangle (cr, across - half, from - half, width, to - from + width);
      first = next;
    }
}

static void
draw_connectors (cairo_t                *cr,
                 const SodoLayoutResult *layout,
                 const IndexList        *edges,
                 const SodoChartPalette *palette,
                 double                  line_width,
                 SodoRenderStats        *stats)
{
  gsize size = MAX (edges->n * (SODO_LAYOUT_EDGE_MAX_POINTS - 1), 1);
  g_autofree Segment *horizontal = g_new (Segment, size);
  g_autofree Segment *vertical = g_new (Segment, size);
  gsize n_horizontal = 0, n_vertical = 0;

  /* Connectors are orthogonal, and siblings' connectors share their parent's stub and
   * overlap along the bus. Their union, as non-overlapping rectangles filled at once, is
   * several times cheaper than stroking every polyline, and shared parts do not darken. */
  for (gsize i = 0; i < edges->n; i++)
    {
      SodoLayoutPoint points[SODO_LAYOUT_EDGE_MAX_POINTS];
      guint32 n_points = sodo_layout_edge_get_points (layout, edges->items[i], points);

      for (guint32 p = 1; p < n_points; p++)
        {
          const SodoLayoutPoint *a = &points[p - 1], *b = &points[p];

          if (a->y == b->y && a->x != b->x)
            horizontal[n_horizontal++] = (Segment) { a->y, MIN (a->x, b->x), MAX (a->x, b->x) };
          else if (a->x == b->x && a->y != b->y)
            vertical[n_vertical++] = (Segment) { a->x, MIN (a->y, b->y), MAX (a->y, b->y) };
        }
      if (n_points > 0)
        stats->n_edges++;
    }
  if (n_horizontal + n_vertical == 0)
    return;

  add_merged_segments (cr, horizontal, n_horizontal, TRUE, line_width);
  add_merged_segments (cr, vertical, n_vertical, FALSE, line_width);
  _sodo_cairo_set_color (cr, palette->connector);
  cairo_fill (cr);
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

  sodo_layout_query_rect (layout, area->x - CARD_OVERHANG, area->y - CARD_OVERHANG,
                          area->width + 2 * CARD_OVERHANG, area->height + 2 * CARD_OVERHANG,
                          collect_index, NULL, &nodes);
  sodo_layout_query_rect (layout, area->x, area->y, area->width, area->height,
                          NULL, collect_index, &edges);

  /* Relations run under the cards, so that a curve crossing a card leaves its text
   * legible; their labels go on top. */
  draw_connectors (cr, layout, &edges, palette, line_width, stats);
  if (params->show_relations)
    _sodo_relations_draw (scene, cr, area, palette, params->scale, _SODO_RELATIONS_CURVES, stats);
  _sodo_cards_draw (scene, cr, layout, nodes.items, nodes.n, params, palette, stats);
  if (params->show_relations)
    _sodo_relations_draw (scene, cr, area, palette, params->scale, _SODO_RELATIONS_LABELS, stats);

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

/* Coloured rectangles: every card of one kind in one path, so a frame makes two fills per
 * kind however many cards it shows. */
static void
fill_blocks_by_kind (SodoChartScene         *scene,
                     cairo_t                *cr,
                     const SodoLayoutResult *layout,
                     const IndexList        *nodes,
                     const SodoChartPalette *palette,
                     SodoRenderStats        *stats)
{
  g_autofree guint32 *sorted = g_new (guint32, MAX (nodes->n, 1));
  g_autofree guint32 *start = NULL;
  guint n_kinds = 0;

  start = _sodo_sort_by_kind (scene, nodes->items, nodes->n, sorted, &n_kinds);
  for (guint k = 0; k <= n_kinds; k++)
    {
      SodoChartColor kind_color;

      if (start[k] == start[k + 1])
        continue;
      kind_color = _sodo_palette_data_color (palette, _sodo_chart_scene_get_kind_color (scene, k));
      for (guint32 i = start[k]; i < start[k + 1]; i++)
        {
          const SodoLayoutRect *r = &layout->rects[sorted[i]];

          cairo_rectangle (cr, r->x, r->y, r->width, r->height);
        }
      _sodo_cairo_set_color (cr, sodo_chart_color_mix (palette->card, kind_color,
                                                       palette->block_tint));
      cairo_fill (cr);
      for (guint32 i = start[k]; i < start[k + 1]; i++)
        {
          const SodoLayoutRect *r = &layout->rects[sorted[i]];

          cairo_rectangle (cr, r->x, r->y, _SODO_CARD_BAND * 2, r->height);
        }
      _sodo_cairo_set_color (cr, kind_color);
      cairo_fill (cr);
      stats->n_cards += start[k + 1] - start[k];
    }
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
  draw_connectors (cr, layout, &edges, palette, MAX (CONNECTOR_WIDTH, MIN_LINE_PIXELS * pixel),
                   stats);
  if (params->show_relations)
    _sodo_relations_draw (scene, cr, area, palette, params->scale, _SODO_RELATIONS_CURVES, stats);
  fill_blocks_by_kind (scene, cr, layout, &nodes, palette, stats);
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
