/* sodo-chart-minimap.c: an overview of the whole chart in a corner of the chart view
 *
 * The picture of the chart is rendered once into an image and kept until the chart's
 * picture changes (sodo_chart_minimap_invalidate()); each frame only paints that image and
 * the frame of the part in view, so panning costs nothing however large the chart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sodo-chart-minimap.h"
#include "sodo-chart-view-private.h"

/* Largest size of the overview, in pixels. */
#define MAX_WIDTH  220
#define MAX_HEIGHT 160
#define MIN_SIDE   48
/* Space between the overview's edge and the picture. */
#define PADDING 6
#define RADIUS  8.0

struct _SodoChartMinimap
{
  GtkWidget        parent_instance;

  SodoChartView   *view;       /* the parent, not owned */
  cairo_surface_t *picture;    /* the chart drawn small; NULL until needed */
  int              picture_scale_factor;
  int              picture_width;
  int              picture_height;
};

G_DEFINE_FINAL_TYPE (SodoChartMinimap, sodo_chart_minimap, GTK_TYPE_WIDGET)

/* Where the chart's bounds are drawn inside the overview, and at what scale. */
typedef struct {
  double x;
  double y;
  double scale;
} Placement;

static gboolean
get_placement (SodoChartMinimap *self,
               Placement        *placement)
{
  double inner_w = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PADDING;
  double inner_h = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * PADDING;
  SodoLayoutRect bounds;

  if (self->view->scene == NULL || inner_w <= 0 || inner_h <= 0)
    return FALSE;
  sodo_chart_scene_get_bounds (self->view->scene, &bounds);
  if (bounds.width <= 0 || bounds.height <= 0)
    return FALSE;

  placement->scale = MIN (inner_w / bounds.width, inner_h / bounds.height);
  placement->x = PADDING + (inner_w - bounds.width * placement->scale) / 2;
  placement->y = PADDING + (inner_h - bounds.height * placement->scale) / 2;
  return TRUE;
}

static void
ensure_picture (SodoChartMinimap *self,
                const Placement  *placement)
{
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  SodoRenderParams params;

  if (self->picture != NULL && self->picture_scale_factor == scale_factor
      && self->picture_width == width && self->picture_height == height)
    return;

  g_clear_pointer (&self->picture, cairo_surface_destroy);
  _sodo_chart_view_init_params (self->view, &params);
  sodo_render_params_set_whole_chart (&params, self->view->scene, 0);
  params.scale = placement->scale * scale_factor;
  /* The overview shows shapes, not who is selected or pointed at; matches do help. */
  params.selected_unit = SODO_NO_INDEX;
  params.hover_unit = SODO_NO_INDEX;
  params.show_relations = FALSE;

  self->picture = sodo_chart_render_to_image (self->view->scene, &params, &error);
  if (self->picture == NULL)
    {
      g_debug ("No chart overview: %s", error->message);
      return;
    }
  cairo_surface_set_device_scale (self->picture, scale_factor, scale_factor);
  self->picture_scale_factor = scale_factor;
  self->picture_width = width;
  self->picture_height = height;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
set_color (cairo_t              *cr,
           const SodoChartColor *color,
           double                alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
draw_viewport (SodoChartMinimap       *self,
               cairo_t                *cr,
               const Placement        *placement,
               const SodoChartPalette *palette)
{
  SodoChartRect area;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double x0;
  double y0;
  double x1;
  double y1;

  _sodo_chart_view_get_visible_area (self->view, &area);
  x0 = MAX (1.5, placement->x + area.x * placement->scale);
  y0 = MAX (1.5, placement->y + area.y * placement->scale);
  x1 = MIN (width - 1.5, placement->x + (area.x + area.width) * placement->scale);
  y1 = MIN (height - 1.5, placement->y + (area.y + area.height) * placement->scale);
  if (x1 <= x0 || y1 <= y0)
    return;

  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  set_color (cr, &palette->selection, 0.15);
  cairo_fill_preserve (cr);
  set_color (cr, &palette->selection, 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
sodo_chart_minimap_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  SodoChartMinimap *self = SODO_CHART_MINIMAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const SodoChartPalette *palette;
  Placement placement;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || !get_placement (self, &placement))
    return;

  palette = self->view->dark ? sodo_chart_palette_dark () : sodo_chart_palette_light ();
  ensure_picture (self, &placement);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* A card of its own, floating over the chart. */
  rounded_rectangle (cr, 0.5, 0.5, width - 1, height - 1, RADIUS);
  set_color (cr, &palette->background, 0.94);
  cairo_fill_preserve (cr);
  set_color (cr, &palette->card_border, 1.0);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  rounded_rectangle (cr, 1, 1, width - 2, height - 2, RADIUS - 0.5);
  cairo_clip (cr);
  if (self->picture != NULL)
    {
      cairo_set_source_surface (cr, self->picture, placement.x, placement.y);
      cairo_paint (cr);
    }
  draw_viewport (self, cr, &placement, palette);

  cairo_destroy (cr);
}

static void
sodo_chart_minimap_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  SodoChartMinimap *self = SODO_CHART_MINIMAP (widget);
  SodoLayoutRect bounds = { 0, 0, 4, 3 };
  double scale;

  if (self->view->scene != NULL)
    sodo_chart_scene_get_bounds (self->view->scene, &bounds);
  if (bounds.width <= 0 || bounds.height <= 0)
    bounds = (SodoLayoutRect) { 0, 0, 4, 3 };

  /* The chart's shape, within the largest size; a very long chart keeps a usable side. */
  scale = MIN ((MAX_WIDTH - 2.0 * PADDING) / bounds.width,
               (MAX_HEIGHT - 2.0 * PADDING) / bounds.height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (MIN_SIDE, (int) ceil (bounds.width * scale) + 2 * PADDING);
  else
    *natural = MAX (MIN_SIDE, (int) ceil (bounds.height * scale) + 2 * PADDING);
  *minimum = *natural;
}

/* Centres the view on the chart point under (x, y) of the overview. */
static void
pan_view_to (SodoChartMinimap *self,
             double            x,
             double            y)
{
  Placement placement;

  if (!get_placement (self, &placement))
    return;

  _sodo_chart_view_set_transform (self->view, self->view->zoom,
                                  (x - placement.x) / placement.scale,
                                  (y - placement.y) / placement.scale);
}

static void
on_drag_begin_cb (GtkGestureDrag   *gesture,
                  double            start_x,
                  double            start_y,
                  SodoChartMinimap *self)
{
  /* The view's own gestures must not pan or select as well. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  pan_view_to (self, start_x, start_y);
}

static void
on_drag_update_cb (GtkGestureDrag   *gesture,
                   double            offset_x,
                   double            offset_y,
                   SodoChartMinimap *self)
{
  double start_x;
  double start_y;

  gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
  pan_view_to (self, start_x + offset_x, start_y + offset_y);
}

static void
sodo_chart_minimap_finalize (GObject *object)
{
  SodoChartMinimap *self = SODO_CHART_MINIMAP (object);

  g_clear_pointer (&self->picture, cairo_surface_destroy);

  G_OBJECT_CLASS (sodo_chart_minimap_parent_class)->finalize (object);
}

static void
sodo_chart_minimap_class_init (SodoChartMinimapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sodo_chart_minimap_finalize;

  widget_class->snapshot = sodo_chart_minimap_snapshot;
  widget_class->measure = sodo_chart_minimap_measure;

  gtk_widget_class_set_css_name (widget_class, "sodochartminimap");
  /* A pointer shortcut: the outline and the keys reach everything it does. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
sodo_chart_minimap_init (SodoChartMinimap *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "default");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Overview: click or drag to move the view"));
}

GtkWidget *
sodo_chart_minimap_new (SodoChartView *view)
{
  SodoChartMinimap *self;

  g_return_val_if_fail (SODO_IS_CHART_VIEW (view), NULL);

  self = g_object_new (SODO_TYPE_CHART_MINIMAP, NULL);
  self->view = view;
  return GTK_WIDGET (self);
}

void
sodo_chart_minimap_invalidate (SodoChartMinimap *self)
{
  g_return_if_fail (SODO_IS_CHART_MINIMAP (self));

  g_clear_pointer (&self->picture, cairo_surface_destroy);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
