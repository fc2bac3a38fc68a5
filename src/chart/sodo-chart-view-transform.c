/* sodo-chart-view-transform.c: where the chart view looks: zoom, pan, animated moves
 *
 * The transform is the chart point shown at the centre of the widget and the zoom. It is
 * clamped so that some of the chart is always in sight, and moves to a new target either at
 * once (input) or with a short ease-out animation (centring, fitting), which respects
 * gtk-enable-animations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sodo-chart-minimap.h"
#include "sodo-chart-view-private.h"

/* Space kept between a card brought into view and the view's edge, in pixels. */
#define SCROLL_MARGIN 32.0

/* ---- Transform ---- */

gboolean
_sodo_chart_view_get_bounds (SodoChartView  *self,
                             SodoLayoutRect *bounds)
{
  if (self->scene == NULL || sodo_chart_scene_get_layout (self->scene) == NULL)
    {
      *bounds = (SodoLayoutRect) { 0, 0, 0, 0 };
      return FALSE;
    }
  sodo_chart_scene_get_bounds (self->scene, bounds);
  return TRUE;
}

/* The zoom that shows the whole chart with a margin, never above 100 %. */
static double
get_fit_zoom (SodoChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double avail_w = width - 2 * _SODO_CHART_VIEW_FIT_MARGIN;
  double avail_h = height - 2 * _SODO_CHART_VIEW_FIT_MARGIN;
  SodoLayoutRect bounds;

  if (!_sodo_chart_view_get_bounds (self, &bounds) || avail_w <= 1 || avail_h <= 1
      || bounds.width <= 0 || bounds.height <= 0)
    return 1.0;

  return MIN (1.0, MIN (avail_w / bounds.width, avail_h / bounds.height));
}

static double
clamp_zoom (SodoChartView *self,
            double         zoom)
{
  double lower = MIN (SODO_CHART_VIEW_MIN_ZOOM, get_fit_zoom (self));

  if (!isfinite (zoom))
    return 1.0;
  return CLAMP (zoom, lower, SODO_CHART_VIEW_MAX_ZOOM);
}

/* The centre never leaves the chart's bounds, so some of the chart is always in sight. */
static void
clamp_center (SodoChartView *self,
              double        *center_x,
              double        *center_y)
{
  SodoLayoutRect bounds;

  _sodo_chart_view_get_bounds (self, &bounds);
  *center_x = isfinite (*center_x) ? CLAMP (*center_x, 0, bounds.width) : 0;
  *center_y = isfinite (*center_y) ? CLAMP (*center_y, 0, bounds.height) : 0;
}

void
_sodo_chart_view_widget_to_chart (SodoChartView *self,
                                  double         widget_x,
                                  double         widget_y,
                                  double        *chart_x,
                                  double        *chart_y)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  *chart_x = self->center_x + (widget_x - width / 2) / self->zoom;
  *chart_y = self->center_y + (widget_y - height / 2) / self->zoom;
}

void
_sodo_chart_view_get_visible_area (SodoChartView *self,
                                   SodoChartRect *area)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  area->width = width / self->zoom;
  area->height = height / self->zoom;
  area->x = self->center_x - area->width / 2;
  area->y = self->center_y - area->height / 2;
}

/* Applies a transform without touching the animation. */
void
_sodo_chart_view_apply_transform (SodoChartView *self,
                                  double         zoom,
                                  double         center_x,
                                  double         center_y)
{
  gboolean zoom_changed;

  zoom = clamp_zoom (self, zoom);
  clamp_center (self, &center_x, &center_y);
  zoom_changed = zoom != self->zoom;
  if (!zoom_changed && center_x == self->center_x && center_y == self->center_y)
    return;

  self->zoom = zoom;
  self->center_x = center_x;
  self->center_y = center_y;

  if (zoom_changed)
    {
      /* The overview shows or hides as the chart starts or stops fitting. */
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      _sodo_chart_view_notify_zoom (self);
    }
  if (self->minimap != NULL)
    gtk_widget_queue_draw (self->minimap);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_sodo_chart_view_set_transform (SodoChartView *self,
                                double         zoom,
                                double         center_x,
                                double         center_y)
{
  _sodo_chart_view_stop_animation (self);
  self->fitted = FALSE;
  _sodo_chart_view_apply_transform (self, zoom, center_x, center_y);
}

void
_sodo_chart_view_zoom_around (SodoChartView *self,
                              double         factor,
                              double         widget_x,
                              double         widget_y)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double chart_x;
  double chart_y;
  double zoom;

  if (self->scene == NULL)
    return;

  _sodo_chart_view_widget_to_chart (self, widget_x, widget_y, &chart_x, &chart_y);
  zoom = clamp_zoom (self, self->zoom * factor);
  /* The point under the pointer stays under the pointer. */
  _sodo_chart_view_set_transform (self, zoom,
                                  chart_x - (widget_x - width / 2) / zoom,
                                  chart_y - (widget_y - height / 2) / zoom);
}

/* ---- Animation ---- */

static gboolean
animations_enabled (SodoChartView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-enable-animations", &enabled,
                NULL);
  return enabled && gtk_widget_get_mapped (GTK_WIDGET (self));
}

void
_sodo_chart_view_stop_animation (SodoChartView *self)
{
  if (self->tick_id == 0)
    return;

  gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  self->animating_fit = FALSE;
}

gboolean
_sodo_chart_view_is_animating (SodoChartView *self)
{
  return self->tick_id != 0;
}

/* Cubic ease-out: fast start, gentle arrival. */
static double
ease_out_cubic (double t)
{
  double inverse = 1.0 - t;

  return 1.0 - inverse * inverse * inverse;
}

static gboolean
animation_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  SodoChartView *self = SODO_CHART_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  double progress;
  double eased;
  double zoom;

  if (self->animation_start == 0)
    self->animation_start = now;
  progress = (double) (now - self->animation_start) / _SODO_CHART_VIEW_ANIMATION_USEC;

  if (progress >= 1.0)
    {
      self->tick_id = 0;
      self->fitted = self->animating_fit;
      self->animating_fit = FALSE;
      _sodo_chart_view_apply_transform (self, self->to_zoom, self->to_x, self->to_y);
      return G_SOURCE_REMOVE;
    }

  eased = ease_out_cubic (CLAMP (progress, 0.0, 1.0));
  /* The zoom moves evenly in logarithm, so zooming in and out feel alike. */
  zoom = exp (log (self->from_zoom) + (log (self->to_zoom) - log (self->from_zoom)) * eased);
  _sodo_chart_view_apply_transform (self, zoom,
                   self->from_x + (self->to_x - self->from_x) * eased,
                   self->from_y + (self->to_y - self->from_y) * eased);
  return G_SOURCE_CONTINUE;
}

void
_sodo_chart_view_animate_to (SodoChartView *self,
                             double         zoom,
                             double         center_x,
                             double         center_y)
{
  zoom = clamp_zoom (self, zoom);
  clamp_center (self, &center_x, &center_y);

  if (!animations_enabled (self))
    {
      _sodo_chart_view_set_transform (self, zoom, center_x, center_y);
      return;
    }

  self->fitted = FALSE;
  self->animating_fit = FALSE;
  self->from_zoom = self->zoom;
  self->from_x = self->center_x;
  self->from_y = self->center_y;
  self->to_zoom = zoom;
  self->to_x = center_x;
  self->to_y = center_y;
  self->animation_start = 0;
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), animation_tick_cb,
                                                  NULL, NULL);
}

/* The zoom a step starts from: the target of a running animation, so that quick presses
 * add up. */
double
_sodo_chart_view_get_target_zoom (SodoChartView *self)
{
  return self->tick_id != 0 ? self->to_zoom : self->zoom;
}

void
_sodo_chart_view_get_target_center (SodoChartView *self,
                                    double        *center_x,
                                    double        *center_y)
{
  *center_x = self->tick_id != 0 ? self->to_x : self->center_x;
  *center_y = self->tick_id != 0 ? self->to_y : self->center_y;
}

/* The centre that brings @rect into view with the least movement, keeping the zoom. */
static void
center_to_show (SodoChartView        *self,
                const SodoLayoutRect *rect,
                double                zoom,
                double               *center_x,
                double               *center_y)
{
  double half_w = gtk_widget_get_width (GTK_WIDGET (self)) / (2 * zoom);
  double half_h = gtk_widget_get_height (GTK_WIDGET (self)) / (2 * zoom);
  double margin = SCROLL_MARGIN / zoom;

  /* A card larger than the view is centred; otherwise the view moves just enough. */
  if (rect->width + 2 * margin >= 2 * half_w)
    *center_x = rect->x + rect->width / 2;
  else
    *center_x = CLAMP (*center_x, rect->x + rect->width + margin - half_w,
                       rect->x - margin + half_w);

  if (rect->height + 2 * margin >= 2 * half_h)
    *center_y = rect->y + rect->height / 2;
  else
    *center_y = CLAMP (*center_y, rect->y + rect->height + margin - half_h,
                       rect->y - margin + half_h);
}

/* A zoom at which a card's text can be read. */
static double
readable_zoom (double zoom)
{
  return zoom < SODO_CHART_TEXT_MIN_SCALE ? 1.0 : zoom;
}

void
_sodo_chart_view_scroll_to_selected (SodoChartView *self)
{
  sodo_chart_view_reveal_unit (self, self->selected_unit);
}

void
sodo_chart_view_reveal_unit (SodoChartView *self,
                             guint          unit)
{
  SodoLayoutRect rect;
  double zoom;
  double center_x;
  double center_y;

  g_return_if_fail (SODO_IS_CHART_VIEW (self));

  if (self->scene == NULL || self->fit_pending
      || !sodo_chart_scene_get_unit_rect (self->scene, unit, &rect))
    return;

  zoom = readable_zoom (_sodo_chart_view_get_target_zoom (self));
  _sodo_chart_view_get_target_center (self, &center_x, &center_y);
  center_to_show (self, &rect, zoom, &center_x, &center_y);
  _sodo_chart_view_animate_to (self, zoom, center_x, center_y);
}

void
sodo_chart_view_center_on_unit (SodoChartView *self,
                                guint          unit)
{
  SodoLayoutRect rect;

  g_return_if_fail (SODO_IS_CHART_VIEW (self));

  if (self->scene == NULL || !sodo_chart_scene_get_unit_rect (self->scene, unit, &rect))
    return;

  _sodo_chart_view_animate_to (self, readable_zoom (_sodo_chart_view_get_target_zoom (self)),
                               rect.x + rect.width / 2, rect.y + rect.height / 2);
}

void
_sodo_chart_view_resized (SodoChartView *self,
                          int            old_width,
                          int            old_height)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double center_x = self->center_x;
  double center_y = self->center_y;
  SodoLayoutRect rect;
  gboolean selection_in_sight = FALSE;

  if (old_width > 0 && old_height > 0 && (old_width != width || old_height != height))
    {
      SodoChartRect old_area = {
        self->center_x - old_width / (2 * self->zoom),
        self->center_y - old_height / (2 * self->zoom),
        old_width / self->zoom,
        old_height / self->zoom,
      };

      selection_in_sight = self->selected_unit != SODO_NO_INDEX
        && sodo_chart_scene_get_unit_rect (self->scene, self->selected_unit, &rect)
        && rect.x < old_area.x + old_area.width && rect.x + rect.width > old_area.x
        && rect.y < old_area.y + old_area.height && rect.y + rect.height > old_area.y;

      /* The top-left corner stays put, as in a scrolled page: a sidebar opening on the
       * right covers what was on the right rather than moving everything. */
      center_x = old_area.x + width / (2 * self->zoom);
      center_y = old_area.y + height / (2 * self->zoom);
    }

  /* A selected card that was in sight stays in sight (the details opening beside the
   * chart must not cover the unit they are about). */
  if (selection_in_sight)
    center_to_show (self, &rect, self->zoom, &center_x, &center_y);

  /* A smaller view may allow a smaller zoom, a larger one may require a larger. */
  _sodo_chart_view_apply_transform (self, self->zoom, center_x, center_y);
}

/* ---- Keeping the view steady through a relayout ---- */

gboolean
_sodo_chart_view_anchor_save (SodoChartView *self,
                              guint          unit,
                              SodoChartAnchor        *anchor)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  SodoLayoutRect rect;

  anchor->unit = unit;
  if (!sodo_chart_scene_get_unit_rect (self->scene, unit, &rect))
    return FALSE;

  anchor->widget_x = (rect.x + rect.width / 2 - self->center_x) * self->zoom + width / 2;
  anchor->widget_y = (rect.y + rect.height / 2 - self->center_y) * self->zoom + height / 2;
  return TRUE;
}

void
_sodo_chart_view_anchor_restore (SodoChartView *self,
                                 const SodoChartAnchor  *anchor)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  SodoLayoutRect rect;

  if (!sodo_chart_scene_get_unit_rect (self->scene, anchor->unit, &rect))
    return;

  _sodo_chart_view_set_transform (self, self->zoom,
                                  rect.x + rect.width / 2 - (anchor->widget_x - width / 2) / self->zoom,
                                  rect.y + rect.height / 2 - (anchor->widget_y - height / 2) / self->zoom);
}

/* The visible unit whose card centre is nearest the centre of the view (the root when
 * none is in sight). */
guint
_sodo_chart_view_unit_nearest_center (SodoChartView *self)
{
  SodoChartRect area;
  guint32 found[512];
  gsize n_found;
  guint best = sodo_orgchart_get_root (self->orgchart);
  double best_distance = G_MAXDOUBLE;

  _sodo_chart_view_get_visible_area (self, &area);
  n_found = sodo_chart_scene_visible_units_in_rect (self->scene, area.x, area.y,
                                                    area.width, area.height,
                                                    found, G_N_ELEMENTS (found));
  for (gsize i = 0; i < MIN (n_found, G_N_ELEMENTS (found)); i++)
    {
      SodoLayoutRect rect;
      double dx;
      double dy;

      sodo_chart_scene_get_unit_rect (self->scene, found[i], &rect);
      dx = rect.x + rect.width / 2 - self->center_x;
      dy = rect.y + rect.height / 2 - self->center_y;
      if (dx * dx + dy * dy < best_distance)
        {
          best_distance = dx * dx + dy * dy;
          best = found[i];
        }
    }

  return best;
}

/* The unit that should stay put when the layout changes: the selection if in sight, else
 * the unit nearest the centre. */
static guint
steady_unit (SodoChartView *self)
{
  if (self->selected_unit != SODO_NO_INDEX
      && sodo_chart_scene_is_unit_visible (self->scene, self->selected_unit))
    return self->selected_unit;
  return _sodo_chart_view_unit_nearest_center (self);
}

void
sodo_chart_view_set_zoom (SodoChartView *self,
                          double         zoom)
{
  g_return_if_fail (SODO_IS_CHART_VIEW (self));

  _sodo_chart_view_set_transform (self, zoom, self->center_x, self->center_y);
}

static void
zoom_step (SodoChartView *self,
           double         factor)
{
  double center_x;
  double center_y;

  if (self->scene == NULL)
    return;

  _sodo_chart_view_get_target_center (self, &center_x, &center_y);
  _sodo_chart_view_animate_to (self, _sodo_chart_view_get_target_zoom (self) * factor, center_x, center_y);
}

void
sodo_chart_view_zoom_in (SodoChartView *self)
{
  g_return_if_fail (SODO_IS_CHART_VIEW (self));

  zoom_step (self, _SODO_CHART_VIEW_ZOOM_STEP);
}

void
sodo_chart_view_zoom_out (SodoChartView *self)
{
  g_return_if_fail (SODO_IS_CHART_VIEW (self));

  zoom_step (self, 1.0 / _SODO_CHART_VIEW_ZOOM_STEP);
}

/* Shows the whole chart, animated or at once. */
void
_sodo_chart_view_fit (SodoChartView *self,
                      gboolean       animate)
{
  SodoLayoutRect bounds;

  if (!_sodo_chart_view_get_bounds (self, &bounds))
    return;

  if (animate)
    _sodo_chart_view_animate_to (self, get_fit_zoom (self), bounds.width / 2, bounds.height / 2);
  else
    _sodo_chart_view_set_transform (self, get_fit_zoom (self), bounds.width / 2, bounds.height / 2);

  if (self->tick_id != 0)
    self->animating_fit = TRUE;
  else
    self->fitted = TRUE;
}

static guint
deepest_level (SodoOrgchart *chart)
{
  const SodoUnit *units = sodo_orgchart_get_units (chart);
  guint n_units = sodo_orgchart_get_n_units (chart);
  guint deepest = 0;

  for (guint i = 0; i < n_units; i++)
    deepest = MAX (deepest, units[i].depth);
  return deepest;
}

/* A chart fitted whole into a window is often a picture of coloured blocks: a few hundred
 * cards side by side leave each a few pixels. The first view shows instead as many levels
 * as fit with their names drawn, the deeper ones folded into their "+N" badges, and at
 * least the root and its children. Levels are added from the top while the next one still
 * fits, so that a large chart is never laid out whole on the way. */
void
_sodo_chart_view_show_initial (SodoChartView *self)
{
  guint deepest = deepest_level (self->orgchart);
  guint depth = MIN (1, deepest);

  self->applying_initial_view = TRUE;
  sodo_chart_scene_collapse_to_depth (self->scene, depth);
  while (depth < deepest)
    {
      sodo_chart_scene_collapse_to_depth (self->scene, depth + 1);
      if (get_fit_zoom (self) < SODO_CHART_DETAIL_TEXT_MIN_SCALE)
        {
          sodo_chart_scene_collapse_to_depth (self->scene, depth);
          break;
        }
      depth++;
    }
  /* A unit selected before the chart was shown stays in sight. */
  if (self->selected_unit != SODO_NO_INDEX)
    sodo_chart_scene_reveal_unit (self->scene, self->selected_unit);
  self->hover_unit = SODO_NO_INDEX;
  self->applying_initial_view = FALSE;
  if (self->minimap != NULL)
    sodo_chart_minimap_invalidate (SODO_CHART_MINIMAP (self->minimap));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  _sodo_chart_view_fit (self, FALSE);
  self->initial_view = TRUE;
}

void
sodo_chart_view_zoom_to_fit (SodoChartView *self)
{
  g_return_if_fail (SODO_IS_CHART_VIEW (self));

  _sodo_chart_view_fit (self, TRUE);
}

/* Grows @box to hold the visible cards of @unit's subtree; iterative, as trees may be deep. */
static void
subtree_box (SodoChartView  *self,
             guint           top,
             SodoLayoutRect *box)
{
  double x1;
  double y1;
  guint unit = top;

  sodo_chart_scene_get_unit_rect (self->scene, top, box);
  x1 = box->x + box->width;
  y1 = box->y + box->height;

  while (unit != SODO_NO_INDEX)
    {
      const SodoUnit *record = sodo_orgchart_get_unit (self->orgchart, unit);
      SodoLayoutRect rect;

      if (sodo_chart_scene_get_unit_rect (self->scene, unit, &rect))
        {
          x1 = MAX (x1, rect.x + rect.width);
          y1 = MAX (y1, rect.y + rect.height);
          box->x = MIN (box->x, rect.x);
          box->y = MIN (box->y, rect.y);
        }

      /* Pre-order walk: down when expanded, else along, else up and along. */
      if (record->first_child != SODO_NO_INDEX && !sodo_chart_scene_get_collapsed (self->scene, unit))
        {
          unit = record->first_child;
          continue;
        }
      while (unit != top && sodo_orgchart_get_unit (self->orgchart, unit)->next_sibling == SODO_NO_INDEX)
        unit = sodo_orgchart_get_unit (self->orgchart, unit)->parent;
      unit = unit == top ? SODO_NO_INDEX : sodo_orgchart_get_unit (self->orgchart, unit)->next_sibling;
    }

  box->width = x1 - box->x;
  box->height = y1 - box->y;
}

void
sodo_chart_view_zoom_to_selection (SodoChartView *self)
{
  double avail_w = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * _SODO_CHART_VIEW_FIT_MARGIN;
  double avail_h = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * _SODO_CHART_VIEW_FIT_MARGIN;
  SodoLayoutRect box;
  double zoom;

  g_return_if_fail (SODO_IS_CHART_VIEW (self));

  if (self->scene == NULL || self->selected_unit == SODO_NO_INDEX
      || !sodo_chart_scene_is_unit_visible (self->scene, self->selected_unit))
    return;

  subtree_box (self, self->selected_unit, &box);
  zoom = 1.0;
  if (avail_w > 1 && avail_h > 1 && box.width > 0 && box.height > 0)
    zoom = MIN (1.5, MIN (avail_w / box.width, avail_h / box.height));

  _sodo_chart_view_animate_to (self, zoom, box.x + box.width / 2, box.y + box.height / 2);
}

/* Changes the layout, keeping the selection (or what is in the middle) where it is on
 * screen: switching orientation or compact mode should not lose the reader's place. */
void
_sodo_chart_view_relayout_steadily (SodoChartView *self,
                                    void (*change) (SodoChartScene *, gboolean),
                                    gboolean value)
{
  SodoChartAnchor anchor;
  gboolean anchored;

  if (self->scene == NULL)
    return;

  anchored = _sodo_chart_view_anchor_save (self, steady_unit (self), &anchor);
  change (self->scene, value);
  if (anchored)
    _sodo_chart_view_anchor_restore (self, &anchor);
}
