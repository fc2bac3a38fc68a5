/* sodo-pagination-legend.c: where the legend goes beside the chart
 *
 * The legend goes where it costs the chart least: in a corner of the chart if the corner is
 * free, else pushed from a corner away from the cards in its column (above or below them)
 * or in its row (left or right of them), which may take it out of the chart's bounds. Of
 * the eight places, fitting modes take the one that prints the chart largest, the others
 * the one that adds least to the area. Its size on paper is fixed, so on the chart it grows
 * as the scale shrinks: it is always placed for the scale it is drawn at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sodo-pagination-private.h"

/* Between the legend and the chart, in points on paper. */
#define LEGEND_GAP      12.0
#define N_LEGEND_PLACES 8

static SodoChartRect
rect_union (const SodoChartRect *a,
            const SodoChartRect *b)
{
  double x0 = MIN (a->x, b->x), y0 = MIN (a->y, b->y);
  double x1 = MAX (a->x + a->width, b->x + b->width);
  double y1 = MAX (a->y + a->height, b->y + b->height);

  return (SodoChartRect) { x0, y0, x1 - x0, y1 - y0 };
}

typedef struct {
  const SodoLayoutResult *layout;
  SodoChartRect           strip;
  gboolean                vertical;   /* the extent along y (else x) */
  double                  min;
  double                  max;
  gboolean                any;
} Extent;

static void
extent_add (Extent *extent,
            double  from,
            double  to)
{
  extent->min = extent->any ? MIN (extent->min, from) : from;
  extent->max = extent->any ? MAX (extent->max, to) : to;
  extent->any = TRUE;
}

static void
extent_add_node (uint32_t  index,
                 void     *user_data)
{
  Extent *extent = user_data;
  const SodoLayoutRect *r = &extent->layout->rects[index];

  if (extent->vertical)
    extent_add (extent, r->y, r->y + r->height);
  else
    extent_add (extent, r->x, r->x + r->width);
}

/* A connector counts by its segments inside the strip (a level's bus crosses it whole). */
static void
extent_add_edge (uint32_t  index,
                 void     *user_data)
{
  Extent *extent = user_data;
  SodoLayoutPoint points[SODO_LAYOUT_EDGE_MAX_POINTS];
  guint32 n_points = sodo_layout_edge_get_points (extent->layout, index, points);
  const SodoChartRect *strip = &extent->strip;

  for (guint32 i = 1; i < n_points; i++)
    {
      double x0 = MIN (points[i - 1].x, points[i].x), x1 = MAX (points[i - 1].x, points[i].x);
      double y0 = MIN (points[i - 1].y, points[i].y), y1 = MAX (points[i - 1].y, points[i].y);

      if (x1 < strip->x || x0 > strip->x + strip->width ||
          y1 < strip->y || y0 > strip->y + strip->height)
        continue;
      if (extent->vertical)
        extent_add (extent, y0, y1);
      else
        extent_add (extent, MAX (x0, strip->x), MIN (x1, strip->x + strip->width));
    }
}

/* Place @place: corner (top-left, top-right, bottom-left, bottom-right) = place / 2,
 * pushed vertically when place is even, horizontally when odd. */
static SodoChartRect
legend_rect_at (SodoPagination *self,
                double          scale,
                guint           place)
{
  const SodoChartRect *c = &self->chart;
  double w = self->legend_width / scale, h = self->legend_height / scale;
  double gap = LEGEND_GAP / scale;
  gboolean right = (place / 2) % 2 == 1, bottom = place / 4 == 1;
  gboolean vertical = place % 2 == 0;
  SodoChartRect rect = { right ? c->x + c->width - w : c->x,
                         bottom ? c->y + c->height - h : c->y, w, h };
  Extent extent = { sodo_chart_scene_get_layout (self->scene), *c, vertical, 0, 0, FALSE };

  /* The cards and connectors in the legend's column (or row), with a gap around it. */
  if (vertical)
    {
      extent.strip.x = rect.x - gap;
      extent.strip.width = w + 2 * gap;
    }
  else
    {
      extent.strip.y = rect.y - gap;
      extent.strip.height = h + 2 * gap;
    }
  sodo_layout_query_rect (extent.layout, extent.strip.x, extent.strip.y, extent.strip.width,
                          extent.strip.height, extent_add_node, extent_add_edge, &extent);
  if (!extent.any)
    return rect;

  if (vertical && bottom)
    rect.y = MAX (extent.max + gap, rect.y);
  else if (vertical)
    rect.y = MIN (extent.min - gap - h, rect.y);
  else if (right)
    rect.x = MAX (extent.max + gap, rect.x);
  else
    rect.x = MIN (extent.min - gap - w, rect.x);
  return rect;
}

/* Puts the legend at @place for @scale and makes the canvas around chart and legend. */
void
_sodo_pagination_place_legend (SodoPagination *self,
                               double          scale,
                               guint           place)
{
  self->canvas = self->chart;
  if (!self->has_legend)
    return;
  self->legend = legend_rect_at (self, scale, place);
  self->canvas = rect_union (&self->chart, &self->legend);
}

static double
canvas_fit (SodoPagination *self,
            double          avail_w,
            double          avail_h)
{
  return MIN (avail_w / self->canvas.width, avail_h / self->canvas.height);
}

/* The scale at which the canvas, with the legend at @place placed for that very scale,
 * fits @avail_w × @avail_h. The fit grows with the scale the legend is placed for, so from
 * the fit without a legend the iteration comes down to where they meet; the result is
 * checked, and lowered until the legend placed for it fits. */
static double
fit_with_legend (SodoPagination *self,
                 double          avail_w,
                 double          avail_h,
                 guint           place)
{
  double scale = MIN (avail_w / self->chart.width, avail_h / self->chart.height);

  for (guint i = 0; i < 8; i++)
    {
      double next;

      _sodo_pagination_place_legend (self, scale, place);
      next = canvas_fit (self, avail_w, avail_h);
      if (fabs (next - scale) <= scale * 1e-4)
        break;
      scale = next;
    }
  for (guint i = 0; i < 20; i++)
    {
      _sodo_pagination_place_legend (self, scale, place);
      if (canvas_fit (self, avail_w, avail_h) >= scale * (1 - 1e-9))
        return scale;
      scale *= 0.98;
    }
  return scale;
}

/* The largest scale at which the chart and its legend fit @avail_w × @avail_h points, and
 * the legend's place for it. */
double
_sodo_pagination_fit_scale (SodoPagination *self,
                            double          avail_w,
                            double          avail_h,
                            guint          *place)
{
  double best = 0;

  *place = 0;
  if (self->has_legend && (self->legend_width > avail_w || self->legend_height > avail_h))
    self->has_legend = FALSE;     /* no room for a legend on this paper: the chart alone */
  if (!self->has_legend)
    return MIN (avail_w / self->chart.width, avail_h / self->chart.height);

  for (guint candidate = 0; candidate < N_LEGEND_PLACES; candidate++)
    {
      double scale = fit_with_legend (self, avail_w, avail_h, candidate);

      if (scale > best * (1 + 1e-6))
        {
          best = scale;
          *place = candidate;
        }
    }
  return best;
}

/* At a given scale: the place that adds least to the canvas. */
guint
_sodo_pagination_choose_legend_place (SodoPagination *self,
                                      double          scale)
{
  double best = G_MAXDOUBLE;
  guint place = 0;

  for (guint candidate = 0; self->has_legend && candidate < N_LEGEND_PLACES; candidate++)
    {
      double area;

      _sodo_pagination_place_legend (self, scale, candidate);
      area = self->canvas.width * self->canvas.height;
      if (area < best * (1 - 1e-6))
        {
          best = area;
          place = candidate;
        }
    }
  return place;
}
