/* sodo-print-preview.c: the chart with its sheets, and one sheet on paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sodo-print-preview.h"

/* Share of the height the map takes when there are several sheets. */
#define MAP_SHARE    0.4
#define PAD          12.0
#define SHADOW       2.0

struct _SodoPrintPreview
{
  GtkWidget       parent_instance;

  SodoPagination *pagination;
  double          paper_width;
  double          paper_height;
  double          margin_left;
  double          margin_top;
  guint           sheet;

  /* Where the map was drawn, for clicks. */
  graphene_rect_t map_box;
};

G_DEFINE_FINAL_TYPE (SodoPrintPreview, sodo_print_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHEET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_map (SodoPrintPreview *self)
{
  return self->pagination != NULL && sodo_pagination_get_n_pages (self->pagination) > 1;
}

static void
draw_map (SodoPrintPreview *self,
          cairo_t          *cr,
          double            width,
          double            height)
{
  self->map_box = GRAPHENE_RECT_INIT (PAD, PAD, width - 2 * PAD, height - 2 * PAD);
  cairo_save (cr);
  cairo_translate (cr, PAD, PAD);
  sodo_pagination_draw_map (self->pagination, cr, width - 2 * PAD, height - 2 * PAD,
                            self->sheet);
  cairo_restore (cr);
}

/* The sheet on its paper, as large as the box allows, with a shadow under it. */
static void
draw_sheet (SodoPrintPreview *self,
            cairo_t          *cr,
            double            top,
            double            width,
            double            height)
{
  double box_w = width - 2 * PAD, box_h = height - 2 * PAD;
  double k = MIN (box_w / self->paper_width, box_h / self->paper_height);
  double x, y;

  if (!(k > 0))
    return;
  x = (width - self->paper_width * k) / 2;
  y = top + (height - self->paper_height * k) / 2;

  cairo_save (cr);
  cairo_rectangle (cr, x + SHADOW, y + SHADOW, self->paper_width * k, self->paper_height * k);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_fill (cr);
  cairo_rectangle (cr, x, y, self->paper_width * k, self->paper_height * k);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, k, k);
  cairo_translate (cr, self->margin_left, self->margin_top);
  sodo_pagination_draw_page (self->pagination, cr, self->sheet);
  cairo_restore (cr);
}

static void
sodo_print_preview_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  SodoPrintPreview *self = SODO_PRINT_PREVIEW (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double map_height = has_map (self) ? height * MAP_SHARE : 0;
  cairo_t *cr;

  if (self->pagination == NULL || width <= 2 * PAD || height <= 2 * PAD)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (map_height > 0)
    draw_map (self, cr, width, map_height);
  draw_sheet (self, cr, map_height, width, height - map_height);
  cairo_destroy (cr);
}

/* The sheet whose own part lies under (x, y) of the map, or G_MAXUINT. */
static guint
sheet_at (SodoPrintPreview *self,
          double            x,
          double            y)
{
  SodoChartRect canvas;
  double m, chart_x, chart_y;

  sodo_pagination_get_canvas (self->pagination, &canvas);
  m = MIN (self->map_box.size.width / canvas.width, self->map_box.size.height / canvas.height);
  if (!(m > 0))
    return G_MAXUINT;
  /* The map is centred in its box (sodo_pagination_draw_map()). */
  chart_x = canvas.x + (x - self->map_box.origin.x -
                        (self->map_box.size.width - canvas.width * m) / 2) / m;
  chart_y = canvas.y + (y - self->map_box.origin.y -
                        (self->map_box.size.height - canvas.height * m) / 2) / m;
  for (guint i = 0; i < sodo_pagination_get_n_pages (self->pagination); i++)
    {
      const SodoChartRect *own = &sodo_pagination_get_page (self->pagination, i)->own;

      if (chart_x >= own->x && chart_x < own->x + own->width &&
          chart_y >= own->y && chart_y < own->y + own->height)
        return i;
    }
  return G_MAXUINT;
}

static void
on_pressed_cb (GtkGestureClick  *gesture,
               int               n_press,
               double            x,
               double            y,
               SodoPrintPreview *self)
{
  guint sheet;

  if (!has_map (self) || y > gtk_widget_get_height (GTK_WIDGET (self)) * MAP_SHARE)
    return;
  sheet = sheet_at (self, x, y);
  if (sheet != G_MAXUINT)
    sodo_print_preview_set_sheet (self, sheet);
}

static void
update_description (SodoPrintPreview *self)
{
  g_autofree char *text = NULL;

  if (self->pagination == NULL)
    return;
  /* Translators: what the print preview shows, for screen readers */
  text = g_strdup_printf (_("Preview of sheet %u of %u"), self->sheet + 1,
                          sodo_pagination_get_n_pages (self->pagination));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
sodo_print_preview_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SodoPrintPreview *self = SODO_PRINT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_SHEET:
      g_value_set_uint (value, self->sheet);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_print_preview_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SodoPrintPreview *self = SODO_PRINT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_SHEET:
      sodo_print_preview_set_sheet (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sodo_print_preview_finalize (GObject *object)
{
  SodoPrintPreview *self = SODO_PRINT_PREVIEW (object);

  g_clear_pointer (&self->pagination, sodo_pagination_free);

  G_OBJECT_CLASS (sodo_print_preview_parent_class)->finalize (object);
}

static void
sodo_print_preview_class_init (SodoPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sodo_print_preview_finalize;
  object_class->get_property = sodo_print_preview_get_property;
  object_class->set_property = sodo_print_preview_set_property;
  widget_class->snapshot = sodo_print_preview_snapshot;

  properties[PROP_SHEET] =
    g_param_spec_uint ("sheet", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "sodo-print-preview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sodo_print_preview_init (SodoPrintPreview *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_size_request (GTK_WIDGET (self), 240, 300);
  self->paper_width = 595.276;
  self->paper_height = 841.89;
}

GtkWidget *
sodo_print_preview_new (void)
{
  return g_object_new (SODO_TYPE_PRINT_PREVIEW, NULL);
}

void
sodo_print_preview_set_pagination (SodoPrintPreview *self,
                                   SodoPagination   *pagination,
                                   double            paper_width,
                                   double            paper_height,
                                   double            margin_left,
                                   double            margin_top)
{
  g_return_if_fail (SODO_IS_PRINT_PREVIEW (self));

  if (self->pagination != pagination)
    g_clear_pointer (&self->pagination, sodo_pagination_free);
  self->pagination = pagination;
  self->paper_width = paper_width;
  self->paper_height = paper_height;
  self->margin_left = margin_left;
  self->margin_top = margin_top;
  if (pagination != NULL && self->sheet >= sodo_pagination_get_n_pages (pagination))
    sodo_print_preview_set_sheet (self, 0);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

SodoPagination *
sodo_print_preview_get_pagination (SodoPrintPreview *self)
{
  g_return_val_if_fail (SODO_IS_PRINT_PREVIEW (self), NULL);
  return self->pagination;
}

guint
sodo_print_preview_get_sheet (SodoPrintPreview *self)
{
  g_return_val_if_fail (SODO_IS_PRINT_PREVIEW (self), 0);
  return self->sheet;
}

void
sodo_print_preview_set_sheet (SodoPrintPreview *self,
                              guint             sheet)
{
  g_return_if_fail (SODO_IS_PRINT_PREVIEW (self));

  if (self->pagination != NULL)
    sheet = MIN (sheet, sodo_pagination_get_n_pages (self->pagination) - 1);
  if (self->sheet == sheet)
    return;
  self->sheet = sheet;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHEET]);
}
