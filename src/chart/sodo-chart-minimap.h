/* sodo-chart-minimap.h: an overview of the whole chart in a corner of the chart view
 *
 * It shows the chart small, the part in view as a frame, and pans the view when clicked or
 * dragged. The view shows it only when the chart is larger than the view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sodo-chart-view.h"

G_BEGIN_DECLS

#define SODO_TYPE_CHART_MINIMAP (sodo_chart_minimap_get_type ())
G_DECLARE_FINAL_TYPE (SodoChartMinimap, sodo_chart_minimap, SODO, CHART_MINIMAP, GtkWidget)

/* @view is the overview's parent: it must outlive it (the view unparents it when disposed). */
GtkWidget *sodo_chart_minimap_new        (SodoChartView    *view);
/* The chart's picture changed (layout, colours, matches): draw it again. */
void       sodo_chart_minimap_invalidate (SodoChartMinimap *self);

G_END_DECLS
