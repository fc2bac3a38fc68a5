/* sodo-kind-swatch.c: a small square in a unit kind's colour, as the chart's cards show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "render/sodo-chart-palette.h"

#include "sodo-kind-swatch.h"

/* Side of the square and its corner radius, in pixels. */
#define SWATCH_SIZE   12
#define SWATCH_RADIUS 3.0f

struct _SodoKindSwatch
{
  GtkWidget parent_instance;

  guint32   rgb;
  gboolean  has_rgb;
};

G_DEFINE_FINAL_TYPE (SodoKindSwatch, sodo_kind_swatch, GTK_TYPE_WIDGET)

static void
sodo_kind_swatch_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = *natural = SWATCH_SIZE;
}

static void
sodo_kind_swatch_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SodoKindSwatch *self = SODO_KIND_SWATCH (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const SodoChartPalette *palette = dark ? sodo_chart_palette_dark () : sodo_chart_palette_light ();
  SodoChartColor white = { 1.0, 1.0, 1.0, 1.0 };
  SodoChartColor color;
  GskRoundedRect outline;
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float side = MIN (width, height);

  if (!self->has_rgb || side <= 0)
    return;

  /* The same colour as the card's kind band: the dark palette lightens data colours. */
  color = sodo_chart_color_mix (sodo_chart_color_from_rgb (self->rgb, 1.0), white,
                                palette->data_lighten);
  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT ((width - side) / 2, (height - side) / 2,
                                                        side, side),
                                   SWATCH_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot,
                             &(GdkRGBA) { color.red, color.green, color.blue, color.alpha },
                             &outline.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
sodo_kind_swatch_class_init (SodoKindSwatchClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = sodo_kind_swatch_measure;
  widget_class->snapshot = sodo_kind_swatch_snapshot;

  gtk_widget_class_set_css_name (widget_class, "swatch");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
sodo_kind_swatch_init (SodoKindSwatch *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sodo_kind_swatch_new (void)
{
  return g_object_new (SODO_TYPE_KIND_SWATCH, NULL);
}

void
sodo_kind_swatch_set_kind (SodoKindSwatch *self,
                           SodoOrgchart   *orgchart,
                           guint           kind)
{
  const SodoKind *kinds = NULL;
  guint n_kinds = 0;
  gboolean has_rgb = FALSE;
  guint32 rgb = 0;

  g_return_if_fail (SODO_IS_KIND_SWATCH (self));
  g_return_if_fail (orgchart == NULL || SODO_IS_ORGCHART (orgchart));

  if (orgchart != NULL)
    kinds = sodo_orgchart_get_kinds (orgchart, &n_kinds);
  if (kinds != NULL && kind < n_kinds && kinds[kind].has_color)
    {
      has_rgb = TRUE;
      rgb = kinds[kind].color;
    }

  if (has_rgb == self->has_rgb && rgb == self->rgb)
    return;

  self->has_rgb = has_rgb;
  self->rgb = rgb;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
sodo_kind_swatch_get_rgb (SodoKindSwatch *self,
                          guint32        *rgb)
{
  g_return_val_if_fail (SODO_IS_KIND_SWATCH (self), FALSE);

  if (rgb != NULL)
    *rgb = self->rgb;
  return self->has_rgb;
}
