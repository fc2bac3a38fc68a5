/* sodo-chart-canvas.c: a frame's pixels, written directly
 *
 * Zoomed out, a frame holds thousands of cards a few pixels large and their connectors.
 * Passing each as a path through cairo costs microseconds apiece (path, tessellation,
 * compositing); writing the few pixels each covers costs nanoseconds. The canvas is an
 * image of the device pixels under the part of the frame the chart covers, aligned to them,
 * painted once at the end. Shapes land on whole pixels, which at these sizes is what one
 * wants anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sodo-chart-render-private.h"

/* Largest canvas side in pixels; a larger frame is drawn coarser and scaled up. */
#define MAX_CANVAS_SIDE 8192

gboolean
_sodo_canvas_begin (SodoCanvas          *canvas,
                    cairo_t             *cr,
                    const SodoChartRect *extent,
                    double               pixel_scale)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t ctm;
  double device_sx = 1, device_sy = 1, device_ox = 0, device_oy = 0;
  double px0, py0, px1, py1;

  memset (canvas, 0, sizeof *canvas);
  if (!(extent->width > 0 && extent->height > 0))
    return FALSE;

  /* Pixels are device units times the surface's device scale (HiDPI), plus its offset. */
  cairo_get_matrix (cr, &ctm);
  cairo_surface_get_device_scale (target, &device_sx, &device_sy);
  cairo_surface_get_device_offset (target, &device_ox, &device_oy);
  if (device_sx == 1 && device_sy == 1 && pixel_scale > 0 && pixel_scale != 1)
    {
      /* A surface that will be drawn at another scale later (a GTK cairo node): the canvas
       * is made at that scale and painted scaled down, to be scaled up again. */
      device_sx = device_sy = pixel_scale;
      canvas->resampled = TRUE;
    }
  if (ctm.xy != 0 || ctm.yx != 0 || ctm.xx <= 0 || ctm.yy <= 0)
    {
      /* Rotated or mirrored: the canvas is resampled; fine for these small shapes. */
      double dx = 1, dy = 0;

      cairo_user_to_device_distance (cr, &dx, &dy);
      ctm.xx = ctm.yy = hypot (dx, dy);
      ctm.xy = ctm.yx = 0;
      canvas->resampled = TRUE;
    }
  canvas->scale_x = ctm.xx * device_sx;
  canvas->scale_y = ctm.yy * device_sy;
  canvas->offset_x = ctm.x0 * device_sx + device_ox;
  canvas->offset_y = ctm.y0 * device_sy + device_oy;

  /* A huge frame (print at high resolution) gets a coarser canvas. */
  if (extent->width * canvas->scale_x > MAX_CANVAS_SIDE ||
      extent->height * canvas->scale_y > MAX_CANVAS_SIDE)
    {
      double shrink = MIN (MAX_CANVAS_SIDE / (extent->width * canvas->scale_x),
                           MAX_CANVAS_SIDE / (extent->height * canvas->scale_y));

      canvas->scale_x *= shrink;
      canvas->scale_y *= shrink;
      canvas->offset_x *= shrink;
      canvas->offset_y *= shrink;
      canvas->resampled = TRUE;
    }

  px0 = floor (extent->x * canvas->scale_x + canvas->offset_x);
  py0 = floor (extent->y * canvas->scale_y + canvas->offset_y);
  px1 = ceil ((extent->x + extent->width) * canvas->scale_x + canvas->offset_x);
  py1 = ceil ((extent->y + extent->height) * canvas->scale_y + canvas->offset_y);
  canvas->left = px0;
  canvas->top = py0;
  canvas->width = MAX (1, (int) (px1 - px0));
  canvas->height = MAX (1, (int) (py1 - py0));

  canvas->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, canvas->width, canvas->height);
  if (cairo_surface_status (canvas->image) != CAIRO_STATUS_SUCCESS)
    {
      g_clear_pointer (&canvas->image, cairo_surface_destroy);
      return FALSE;
    }
  cairo_surface_flush (canvas->image);
  canvas->pixels = (guint32 *) cairo_image_surface_get_data (canvas->image);
  canvas->stride = cairo_image_surface_get_stride (canvas->image) / 4;
  return TRUE;
}

/* Pixel columns (or rows) covered by [a, b): rounded to the nearest pixel edges, at least
 * one pixel, clipped to the canvas. FALSE when nothing is left. */
static inline gboolean
pixel_span (double  a,
            double  b,
            double  scale,
            double  offset,
            double  start,
            int     size,
            int    *from,
            int    *to)
{
  double p0 = round (a * scale + offset) - start;
  double p1 = round (b * scale + offset) - start;

  if (p1 <= p0)
    p1 = p0 + 1;
  *from = (int) MAX (p0, 0);
  *to = (int) MIN (p1, size);
  return *from < *to;
}

void
_sodo_canvas_fill (SodoCanvas     *canvas,
                   double          x0,
                   double          y0,
                   double          x1,
                   double          y1,
                   SodoChartColor  color)
{
  int cx0, cx1, cy0, cy1;
  guint32 a = (guint32) (CLAMP (color.alpha, 0, 1) * 255 + 0.5);
  guint32 r = (guint32) (CLAMP (color.red, 0, 1) * a + 0.5);
  guint32 g = (guint32) (CLAMP (color.green, 0, 1) * a + 0.5);
  guint32 b = (guint32) (CLAMP (color.blue, 0, 1) * a + 0.5);
  guint32 value = (a << 24) | (r << 16) | (g << 8) | b;
  guint32 keep = 255 - a;

  if (!pixel_span (x0, x1, canvas->scale_x, canvas->offset_x, canvas->left, canvas->width,
                   &cx0, &cx1) ||
      !pixel_span (y0, y1, canvas->scale_y, canvas->offset_y, canvas->top, canvas->height,
                   &cy0, &cy1))
    return;

  for (int y = cy0; y < cy1; y++)
    {
      guint32 *row = canvas->pixels + (gsize) y * canvas->stride;

      if (a == 255)
        {
          for (int x = cx0; x < cx1; x++)
            row[x] = value;
          continue;
        }
      for (int x = cx0; x < cx1; x++)
        {
          guint32 d = row[x];

          /* Premultiplied "over". */
          row[x] = ((a + (d >> 24) * keep / 255) << 24) |
                   ((r + ((d >> 16) & 0xff) * keep / 255) << 16) |
                   ((g + ((d >> 8) & 0xff) * keep / 255) << 8) |
                   (b + (d & 0xff) * keep / 255);
        }
    }
}

double
_sodo_canvas_get_pixel_size (const SodoCanvas *canvas)
{
  return 1.0 / MAX (canvas->scale_x, 1e-12);
}

void
_sodo_canvas_end (SodoCanvas *canvas,
                  cairo_t    *cr)
{
  cairo_surface_t *target;
  double device_sx = 1, device_sy = 1;

  if (canvas->image == NULL)
    return;

  cairo_surface_mark_dirty (canvas->image);
  cairo_save (cr);
  if (canvas->resampled)
    {
      /* Back from canvas pixels to user space through the mapping used to draw. */
      cairo_translate (cr, (canvas->left - canvas->offset_x) / canvas->scale_x,
                       (canvas->top - canvas->offset_y) / canvas->scale_y);
      cairo_scale (cr, 1 / canvas->scale_x, 1 / canvas->scale_y);
      cairo_set_source_surface (cr, canvas->image, 0, 0);
    }
  else
    {
      /* One canvas pixel on one device pixel: no resampling at all. */
      target = cairo_get_target (cr);
      cairo_surface_get_device_scale (target, &device_sx, &device_sy);
      cairo_identity_matrix (cr);
      cairo_scale (cr, 1 / device_sx, 1 / device_sy);
      {
        double device_ox = 0, device_oy = 0;

        cairo_surface_get_device_offset (target, &device_ox, &device_oy);
        cairo_set_source_surface (cr, canvas->image, canvas->left - device_ox,
                                  canvas->top - device_oy);
      }
    }
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);
  g_clear_pointer (&canvas->image, cairo_surface_destroy);
}
