/* sodo-chart-pane.h: the org chart side of the window
 *
 * The chart view in the middle, a toolbar (search, zoom, layout options), the outline of
 * the units in a sidebar on the left and the details of the selected unit on the right.
 * The sidebars fold over the chart when the pane is narrow. Layout options and sidebar
 * visibility are kept in GSettings. Typing in the chart or the outline starts a search.
 *
 * Actions: "pane." zoom-in, zoom-out, zoom-reset, zoom-fit, zoom-selection, find,
 * expand-all, collapse-to-two-levels, and the stateful outline-visible and details-visible;
 * "settings." chart-orientation, chart-compact, chart-show-relations (the settings keys).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/sodo-orgchart.h"
#include "model/sodo-regulation.h"

#include "sodo-chart-view.h"

G_BEGIN_DECLS

#define SODO_TYPE_CHART_PANE (sodo_chart_pane_get_type ())
G_DECLARE_FINAL_TYPE (SodoChartPane, sodo_chart_pane, SODO, CHART_PANE, GtkWidget)

GtkWidget          *sodo_chart_pane_new                 (void);

SodoOrgchart       *sodo_chart_pane_get_orgchart        (SodoChartPane            *self);
void                sodo_chart_pane_set_orgchart        (SodoChartPane            *self,
                                                         SodoOrgchart             *orgchart);
/* The regulation whose articles the details list for the selected unit (nullable). */
SodoRegulation     *sodo_chart_pane_get_regulation      (SodoChartPane            *self);
void                sodo_chart_pane_set_regulation      (SodoChartPane            *self,
                                                         SodoRegulation           *regulation);

SodoChartView      *sodo_chart_pane_get_view            (SodoChartPane            *self);
/* Shortcuts to the view's, for a window carrying its state over a rebuild. */
SodoChartViewState *sodo_chart_pane_get_view_state      (SodoChartPane            *self);
void                sodo_chart_pane_set_view_state      (SodoChartPane            *self,
                                                         const SodoChartViewState *state);

/* The text in the find bar, or NULL while the bar is closed; setting it opens the bar and
 * shows the matches at once, leaving the selection and the view as they are. For a rebuilt
 * window. */
const char         *sodo_chart_pane_get_search_query    (SodoChartPane            *self);
void                sodo_chart_pane_set_search_query    (SodoChartPane            *self,
                                                         const char               *query);

gboolean            sodo_chart_pane_get_outline_visible (SodoChartPane            *self);
void                sodo_chart_pane_set_outline_visible (SodoChartPane            *self,
                                                         gboolean                  visible);
gboolean            sodo_chart_pane_get_details_visible (SodoChartPane            *self);
void                sodo_chart_pane_set_details_visible (SodoChartPane            *self,
                                                         gboolean                  visible);

G_END_DECLS
