/* sodo-chart-overview.c: the chart at the smallest zoom levels, as a density picture
 *
 * When a frame can hold most of a large chart, even one rectangle per card costs as much
 * as the chart is big. The overview is a packed R-tree over the visible cards: the cards
 * are put in Morton (Z) order of their centres, groups of GROUP_SIZE consecutive cards make
 * the first level, groups of those the next, and so on. Each group keeps its bounding box,
 * its cards' mean kind colour and the share of its box they cover. A frame walks down from
 * the top and stops at groups that are a few pixels wide, drawing each as one block whose
 * opacity is its coverage; so the work is bounded by the pixels, not by the cards.
 *
 * The blocks are written into an image of the frame's pixels and painted once: hundreds of
 * thousands of tiny cairo fills would cost more than the whole budget of a frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sodo-chart-render-private.h"

#define GROUP_SIZE   16
#define MAX_LEVELS   16
/* A group this many pixels across or smaller is drawn as one block. */
#define BLOCK_PIXELS 4.0
/* Smallest size of a selection or match marker, in pixels. */
#define MARKER_PIXELS 7.0

typedef struct {
  float   x0, y0, x1, y1;   /* bounding box */
  guint32 first;            /* first child: a group of the level below, or a card in order */
  guint32 count;            /* number of children */
  guint32 rgb;              /* mean kind colour of its cards, 0xRRGGBB */
  float   coverage;         /* area of its cards / area of its box, 0 .. 1 */
} Group;

typedef struct {
  guint32 *order;           /* the visible cards, in Morton order */
  guint    n_cards;
  Group   *levels[MAX_LEVELS];
  guint    n_groups[MAX_LEVELS];
  guint    n_levels;
} Overview;

static void
overview_free (gpointer data)
{
  Overview *overview = data;

  g_free (overview->order);
  for (guint i = 0; i < overview->n_levels; i++)
    g_free (overview->levels[i]);
  g_free (overview);
}

/* Spreads the 16 bits of @v over the even bits of a 32-bit word. */
static inline guint32
spread_bits (guint32 v)
{
  v &= 0xffff;
  v = (v | (v << 8)) & 0x00ff00ff;
  v = (v | (v << 4)) & 0x0f0f0f0f;
  v = (v | (v << 2)) & 0x33333333;
  v = (v | (v << 1)) & 0x55555555;
  return v;
}

/* Sorts (key << 32 | card) pairs by key: four byte-wide counting passes, linear time. */
static void
radix_sort_keys (guint64 *items,
                 guint    n)
{
  g_autofree guint64 *scratch = g_new (guint64, n);
  guint64 *from = items, *to = scratch;

  for (guint shift = 32; shift < 64; shift += 8)
    {
      gsize counts[257] = { 0, };

      for (guint i = 0; i < n; i++)
        counts[((from[i] >> shift) & 0xff) + 1]++;
      for (guint b = 0; b < 256; b++)
        counts[b + 1] += counts[b];
      for (guint i = 0; i < n; i++)
        to[counts[(from[i] >> shift) & 0xff]++] = from[i];
      { guint64 *swap = from; from = to; to = swap; }
    }
  /* Four passes: the sorted data is back in @items. */
}

static void
group_add (Group      *group,
           float       x0,
           float       y0,
           float       x1,
           float       y1,
           double     *sums,
           double      area,
           double      weight,
           guint32     rgb)
{
  if (group->count == 0)
    {
      group->x0 = x0;
      group->y0 = y0;
      group->x1 = x1;
      group->y1 = y1;
    }
  else
    {
      group->x0 = MIN (group->x0, x0);
      group->y0 = MIN (group->y0, y0);
      group->x1 = MAX (group->x1, x1);
      group->y1 = MAX (group->y1, y1);
    }
  group->count++;
  sums[0] += ((rgb >> 16) & 0xff) * weight;
  sums[1] += ((rgb >> 8) & 0xff) * weight;
  sums[2] += (rgb & 0xff) * weight;
  sums[3] += weight;
  sums[4] += area;
}

static void
group_finish (Group  *group,
              double *sums)
{
  double box = (double) (group->x1 - group->x0) * (group->y1 - group->y0);

  if (sums[3] > 0)
    group->rgb = ((guint32) (sums[0] / sums[3] + 0.5) << 16) |
                 ((guint32) (sums[1] / sums[3] + 0.5) << 8) |
                 (guint32) (sums[2] / sums[3] + 0.5);
  group->coverage = box > 0 ? (float) MIN (1.0, sums[4] / box) : 1.0f;
  memset (sums, 0, 5 * sizeof (double));
}

static void
build_first_level (Overview               *overview,
                   SodoChartScene         *scene,
                   const SodoLayoutResult *layout)
{
  const SodoUnit *units = sodo_orgchart_get_units (sodo_chart_scene_get_orgchart (scene));
  guint n = (overview->n_cards + GROUP_SIZE - 1) / GROUP_SIZE;
  Group *groups = g_new0 (Group, n);
  double sums[5] = { 0, };

  for (guint i = 0; i < overview->n_cards; i++)
    {
      Group *group = &groups[i / GROUP_SIZE];
      const SodoLayoutRect *r = &layout->rects[overview->order[i]];
      double area = (double) r->width * r->height;

      if (group->count == 0)
        group->first = i;
      group_add (group, r->x, r->y, r->x + r->width, r->y + r->height, sums, area, area,
                 _sodo_chart_scene_get_kind_color (scene, units[overview->order[i]].kind));
      if (group->count == GROUP_SIZE || i + 1 == overview->n_cards)
        group_finish (group, sums);
    }
  overview->levels[0] = groups;
  overview->n_groups[0] = n;
  overview->n_levels = 1;
}

static void
build_next_level (Overview *overview)
{
  const Group *below = overview->levels[overview->n_levels - 1];
  guint n_below = overview->n_groups[overview->n_levels - 1];
  guint n = (n_below + GROUP_SIZE - 1) / GROUP_SIZE;
  Group *groups = g_new0 (Group, n);
  double sums[5] = { 0, };

  for (guint i = 0; i < n_below; i++)
    {
      Group *group = &groups[i / GROUP_SIZE];
      const Group *child = &below[i];
      double box = (double) (child->x1 - child->x0) * (child->y1 - child->y0);

      if (group->count == 0)
        group->first = i;
      group_add (group, child->x0, child->y0, child->x1, child->y1, sums,
                 box * child->coverage, box * child->coverage + 1e-6, child->rgb);
      if (group->count == GROUP_SIZE || i + 1 == n_below)
        group_finish (group, sums);
    }
  overview->levels[overview->n_levels] = groups;
  overview->n_groups[overview->n_levels] = n;
  overview->n_levels++;
}

static Overview *
ensure_overview (SodoChartScene *scene)
{
  const SodoLayoutResult *layout = sodo_chart_scene_get_layout (scene);
  Overview *overview = _sodo_chart_scene_get_cache (scene, _SODO_SCENE_CACHE_OVERVIEW);
  g_autofree guint64 *keys = NULL;
  double sx, sy;
  guint n = 0;

  if (overview != NULL || layout == NULL)
    return overview;

  overview = g_new0 (Overview, 1);
  keys = g_new (guint64, MAX (layout->n_visible, 1));
  /* The same scale on both axes: a chart is often a hundred times wider than tall, and
   * stretching its height over as many steps as its width would order the cards by their
   * small differences in height before their position along a row. */
  sx = MAX (layout->bounds.width, layout->bounds.height);
  sx = sx > 0 ? 65535.0 / sx : 0;
  sy = sx;
  for (guint i = 0; i < layout->n_nodes && n < layout->n_visible; i++)
    {
      const SodoLayoutRect *r = &layout->rects[i];
      guint32 qx, qy;

      if (!layout->visible[i])
        continue;
      qx = (guint32) CLAMP ((r->x + r->width / 2) * sx, 0, 65535);
      qy = (guint32) CLAMP ((r->y + r->height / 2) * sy, 0, 65535);
      keys[n++] = ((guint64) (spread_bits (qx) | (spread_bits (qy) << 1)) << 32) | i;
    }
  radix_sort_keys (keys, n);

  overview->order = g_new (guint32, MAX (n, 1));
  overview->n_cards = n;
  for (guint i = 0; i < n; i++)
    overview->order[i] = (guint32) keys[i];

  if (n > 0)
    {
      build_first_level (overview, scene, layout);
      while (overview->n_groups[overview->n_levels - 1] > GROUP_SIZE &&
             overview->n_levels < MAX_LEVELS)
        build_next_level (overview);
    }

  _sodo_chart_scene_set_cache (scene, _SODO_SCENE_CACHE_OVERVIEW, overview, overview_free);
  return overview;
}

void
_sodo_overview_prepare (SodoChartScene *scene)
{
  ensure_overview (scene);
}

/* Colours of the density picture: kind colours tinted towards the card colour. */
typedef struct {
  SodoCanvas     canvas;
  SodoChartColor card;
  double         tint;
} Picture;

static void
picture_fill (Picture *picture,
              double   x0,
              double   y0,
              double   x1,
              double   y1,
              guint32  rgb,
              double   alpha)
{
  SodoChartColor color = sodo_chart_color_mix (picture->card, sodo_chart_color_from_rgb (rgb, 1),
                                               picture->tint);

  color.alpha = alpha;
  _sodo_canvas_fill (&picture->canvas, x0, y0, x1, y1, color);
}

static gboolean
box_meets (float                x0,
           float                y0,
           float                x1,
           float                y1,
           const SodoChartRect *area)
{
  return x1 >= area->x && x0 <= area->x + area->width &&
         y1 >= area->y && y0 <= area->y + area->height;
}

static void
draw_cards_of_group (Overview               *overview,
                     const Group            *group,
                     const SodoLayoutResult *layout,
                     SodoChartScene         *scene,
                     const SodoChartRect    *area,
                     Picture                *picture,
                     SodoRenderStats        *stats)
{
  const SodoUnit *units = sodo_orgchart_get_units (sodo_chart_scene_get_orgchart (scene));

  for (guint i = group->first; i < group->first + group->count; i++)
    {
      guint32 unit = overview->order[i];
      const SodoLayoutRect *r = &layout->rects[unit];

      if (!box_meets (r->x, r->y, r->x + r->width, r->y + r->height, area))
        continue;
      picture_fill (picture, r->x, r->y, r->x + r->width, r->y + r->height,
                    _sodo_chart_scene_get_kind_color (scene, units[unit].kind), 1.0);
      stats->n_cards++;
    }
}

static void
draw_groups (Overview               *overview,
             const SodoLayoutResult *layout,
             SodoChartScene         *scene,
             const SodoChartRect    *area,
             Picture                *picture,
             SodoRenderStats        *stats)
{
  double pixels_per_point = 1.0 / _sodo_canvas_get_pixel_size (&picture->canvas);
  /* An explicit stack of (level, group): at most GROUP_SIZE entries per level. */
  guint32 stack_level[MAX_LEVELS * GROUP_SIZE + GROUP_SIZE];
  guint32 stack_group[MAX_LEVELS * GROUP_SIZE + GROUP_SIZE];
  guint n_stack = 0;
  guint top = overview->n_levels - 1;

  for (guint i = 0; i < overview->n_groups[top]; i++)
    {
      stack_level[n_stack] = top;
      stack_group[n_stack++] = i;
    }

  while (n_stack > 0)
    {
      guint level = stack_level[--n_stack];
      const Group *group = &overview->levels[level][stack_group[n_stack]];
      double size = MAX (group->x1 - group->x0, group->y1 - group->y0) * pixels_per_point;

      if (!box_meets (group->x0, group->y0, group->x1, group->y1, area))
        continue;
      if (size <= BLOCK_PIXELS)
        {
          /* Sparse groups are faint, full ones solid; never invisible. */
          picture_fill (picture, group->x0, group->y0, group->x1, group->y1, group->rgb,
                        MAX (0.35, MIN (1.0, group->coverage * 1.6)));
          stats->n_blocks++;
        }
      else if (level == 0)
        draw_cards_of_group (overview, group, layout, scene, area, picture, stats);
      else
        for (guint i = group->first; i < group->first + group->count; i++)
          {
            stack_level[n_stack] = level - 1;
            stack_group[n_stack++] = i;
          }
    }
}

static void
draw_marker (cairo_t              *cr,
             const SodoLayoutRect *rect,
             double                pixels_per_point,
             SodoChartColor        color,
             gboolean              filled)
{
  double min = MARKER_PIXELS / pixels_per_point;
  double width = MAX (rect->width, min), height = MAX (rect->height, min);
  double cx = rect->x + rect->width / 2, cy = rect->y + rect->height / 2;

  cairo_rectangle (cr, cx - width / 2, cy - height / 2, width, height);
  _sodo_cairo_set_color (cr, color);
  if (filled)
    cairo_fill (cr);
  else
    {
      cairo_set_line_width (cr, 2.0 / pixels_per_point);
      cairo_stroke (cr);
    }
}

static void
draw_highlights (SodoChartScene         *scene,
                 cairo_t                *cr,
                 const SodoLayoutResult *layout,
                 const SodoChartRect    *area,
                 const SodoRenderParams *params,
                 const SodoChartPalette *palette,
                 double                  pixels_per_point)
{
  if (params->matches != NULL)
    for (guint word = 0; word < (layout->n_nodes + 31) / 32; word++)
      for (guint32 bits = params->matches[word]; bits != 0; bits &= bits - 1)
        {
          guint unit = word * 32 + g_bit_nth_lsf (bits, -1);
          const SodoLayoutRect *r;

          if (unit >= layout->n_nodes || !layout->visible[unit])
            continue;
          r = &layout->rects[unit];
          if (box_meets (r->x, r->y, r->x + r->width, r->y + r->height, area))
            draw_marker (cr, r, pixels_per_point, palette->match_border, TRUE);
        }

  if (params->hover_unit < layout->n_nodes && layout->visible[params->hover_unit])
    draw_marker (cr, &layout->rects[params->hover_unit], pixels_per_point, palette->hover, FALSE);
  if (params->selected_unit < layout->n_nodes && layout->visible[params->selected_unit])
    draw_marker (cr, &layout->rects[params->selected_unit], pixels_per_point,
                 palette->selection, FALSE);
}

void
_sodo_overview_draw (SodoChartScene         *scene,
                     cairo_t                *cr,
                     const SodoChartRect    *area,
                     const SodoRenderParams *params,
                     const SodoChartPalette *palette,
                     SodoRenderStats        *stats)
{
  const SodoLayoutResult *layout = sodo_chart_scene_get_layout (scene);
  Overview *overview = ensure_overview (scene);
  Picture picture;
  SodoChartRect extent;

  if (overview == NULL || overview->n_cards == 0)
    return;

  /* Only the part of the area the chart covers needs pixels: a wide chart zoomed out is a
   * thin strip across the frame. */
  extent.x = MAX (area->x, layout->bounds.x);
  extent.y = MAX (area->y, layout->bounds.y);
  extent.width = MIN (area->x + area->width, layout->bounds.x + layout->bounds.width) - extent.x;
  extent.height = MIN (area->y + area->height, layout->bounds.y + layout->bounds.height) - extent.y;
  if (!_sodo_canvas_begin (&picture.canvas, cr, &extent, params->pixel_scale))
    return;
  picture.card = palette->card;
  picture.tint = 1.0 - palette->block_tint * 0.5;

  draw_groups (overview, layout, scene, area, &picture, stats);
  _sodo_canvas_end (&picture.canvas, cr);

  draw_highlights (scene, cr, layout, area, params, palette,
                   1.0 / _sodo_canvas_get_pixel_size (&picture.canvas));
}
