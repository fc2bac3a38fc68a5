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

/* Where the chart has something, seen along one axis: for each of PROFILE_BUCKETS slices
 * of the chart across that axis, the extent of the cards and connectors in it. Made once
 * per pagination in O(n log buckets) (a connector's long horizontal run is one range update
 * of a segment tree), so that trying the legend's places costs nothing more however large
 * the chart; a slice is a 2048th of the chart, a point or two for charts of paper size. */
#define PROFILE_BUCKETS 2048

struct _SodoLegendProfile {
  double origin[2];                /* by SodoAxis: where bucket 0 starts */
  double step[2];                  /* bucket size */
  float  tree_min[2][2 * PROFILE_BUCKETS];
  float  tree_max[2][2 * PROFILE_BUCKETS];
  float  min[2][PROFILE_BUCKETS];  /* extent along the other axis; min > max when empty */
  float  max[2][PROFILE_BUCKETS];
};

static int
bucket_of (const SodoLegendProfile *profile,
           SodoAxis                 axis,
           double                   value)
{
  double b = floor ((value - profile->origin[axis]) / profile->step[axis]);

  return (int) CLAMP (b, 0, PROFILE_BUCKETS - 1);
}

/* Everything across [from, to] of @axis reaches from @low to @high on the other axis. */
static void
profile_add (SodoLegendProfile *profile,
             SodoAxis           axis,
             double             from,
             double             to,
             double             low,
             double             high)
{
  int l = bucket_of (profile, axis, from) + PROFILE_BUCKETS;
  int r = bucket_of (profile, axis, to) + PROFILE_BUCKETS + 1;

  for (; l < r; l >>= 1, r >>= 1)
    {
      if (l & 1)
        {
          profile->tree_min[axis][l] = MIN (profile->tree_min[axis][l], low);
          profile->tree_max[axis][l] = MAX (profile->tree_max[axis][l], high);
          l++;
        }
      if (r & 1)
        {
          r--;
          profile->tree_min[axis][r] = MIN (profile->tree_min[axis][r], low);
          profile->tree_max[axis][r] = MAX (profile->tree_max[axis][r], high);
        }
    }
}

static void
profile_add_box (SodoLegendProfile *profile,
                 double             x0,
                 double             y0,
                 double             x1,
                 double             y1)
{
  profile_add (profile, SODO_AXIS_X, x0, x1, y0, y1);
  profile_add (profile, SODO_AXIS_Y, y0, y1, x0, x1);
}

static SodoLegendProfile *
profile_new (SodoPagination *self)
{
  const SodoLayoutResult *layout = sodo_chart_scene_get_layout (self->scene);
  SodoLegendProfile *profile = g_new (SodoLegendProfile, 1);

  profile->origin[SODO_AXIS_X] = self->chart.x;
  profile->origin[SODO_AXIS_Y] = self->chart.y;
  profile->step[SODO_AXIS_X] = MAX (self->chart.width, 1) / PROFILE_BUCKETS;
  profile->step[SODO_AXIS_Y] = MAX (self->chart.height, 1) / PROFILE_BUCKETS;
  for (guint a = 0; a < 2; a++)
    for (guint i = 0; i < 2 * PROFILE_BUCKETS; i++)
      {
        profile->tree_min[a][i] = G_MAXFLOAT;
        profile->tree_max[a][i] = -G_MAXFLOAT;
      }

  for (guint i = 0; i < layout->n_nodes; i++)
    if (layout->visible[i])
      {
        const SodoLayoutRect *r = &layout->rects[i];

        profile_add_box (profile, r->x, r->y, r->x + r->width, r->y + r->height);
      }
  for (guint32 e = 0; e < layout->n_edges; e++)
    {
      SodoLayoutPoint points[SODO_LAYOUT_EDGE_MAX_POINTS];
      guint32 n_points = sodo_layout_edge_get_points (layout, e, points);

      for (guint32 p = 1; p < n_points; p++)
        profile_add_box (profile, MIN (points[p - 1].x, points[p].x),
                         MIN (points[p - 1].y, points[p].y),
                         MAX (points[p - 1].x, points[p].x),
                         MAX (points[p - 1].y, points[p].y));
    }

  /* Each slice: the extent recorded on it and on every range above it in the tree. */
  for (guint a = 0; a < 2; a++)
    for (guint i = 0; i < PROFILE_BUCKETS; i++)
      {
        float low = G_MAXFLOAT, high = -G_MAXFLOAT;

        for (guint node = i + PROFILE_BUCKETS; node >= 1; node >>= 1)
          {
            low = MIN (low, profile->tree_min[a][node]);
            high = MAX (high, profile->tree_max[a][node]);
          }
        profile->min[a][i] = low;
        profile->max[a][i] = high;
      }
  return profile;
}

void
_sodo_legend_profile_free (SodoLegendProfile *profile)
{
  g_free (profile);
}

/* The extent, along the other axis, of what lies across [from, to] of @axis; FALSE when
 * nothing does. */
static gboolean
profile_extent (SodoPagination *self,
                SodoAxis        axis,
                double          from,
                double          to,
                double         *min,
                double         *max)
{
  SodoLegendProfile *profile;
  float low = G_MAXFLOAT, high = -G_MAXFLOAT;
  int first, last;

  if (self->legend_profile == NULL)
    self->legend_profile = profile_new (self);
  profile = self->legend_profile;

  /* Beyond the chart there is nothing. */
  if (to < profile->origin[axis] ||
      from > profile->origin[axis] + profile->step[axis] * PROFILE_BUCKETS)
    return FALSE;
  first = bucket_of (profile, axis, from);
  last = bucket_of (profile, axis, to);
  for (int b = first; b <= last; b++)
    {
      low = MIN (low, profile->min[axis][b]);
      high = MAX (high, profile->max[axis][b]);
    }
  *min = low;
  *max = high;
  return low <= high;
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
  double min, max;

  /* The cards and connectors in the legend's column (or row), with a gap around it. */
  if (vertical ? !profile_extent (self, SODO_AXIS_X, rect.x - gap, rect.x + w + gap, &min, &max)
               : !profile_extent (self, SODO_AXIS_Y, rect.y - gap, rect.y + h + gap, &min, &max))
    return rect;

  if (vertical && bottom)
    rect.y = MAX (max + gap, rect.y);
  else if (vertical)
    rect.y = MIN (min - gap - h, rect.y);
  else if (right)
    rect.x = MAX (max + gap, rect.x);
  else
    rect.x = MIN (min - gap - w, rect.x);
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
