/* sodo-chart-outline.h: the chart as an expandable list, the keyboard and screen-reader path
 *
 * A GtkListView over a GtkTreeListModel: one row per unit with its name and kind, children
 * shown when the row is expanded. Rows are made only for what is expanded and their objects
 * only for what is on screen, so a chart of 100,000 units opens at once.
 *
 * The outline knows nothing of the chart view: the pane binds both "selected-unit"
 * properties together. Setting the selection expands the rows above the unit and scrolls to
 * it; choosing a row sets it. Keys: Up and Down move, Right expands (or goes to the first
 * child), Left collapses (or goes to the parent), plus and minus expand and collapse, Enter
 * activates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/sodo-orgchart.h"

G_BEGIN_DECLS

#define SODO_TYPE_CHART_OUTLINE (sodo_chart_outline_get_type ())
G_DECLARE_FINAL_TYPE (SodoChartOutline, sodo_chart_outline, SODO, CHART_OUTLINE, GtkWidget)

GtkWidget    *sodo_chart_outline_new               (void);

SodoOrgchart *sodo_chart_outline_get_orgchart      (SodoChartOutline *self);
/* Shows @orgchart (nullable) with its root expanded; the selection is cleared. */
void          sodo_chart_outline_set_orgchart      (SodoChartOutline *self,
                                                    SodoOrgchart     *orgchart);

/* The selected unit's index, or SODO_NO_INDEX. */
guint         sodo_chart_outline_get_selected_unit (SodoChartOutline *self);
/* Selects @unit (SODO_NO_INDEX clears), expanding its ancestors' rows and scrolling its row
 * into view. */
void          sodo_chart_outline_set_selected_unit (SodoChartOutline *self,
                                                    guint             unit);

/* The rows as the list shows them (GtkTreeListRow items), for tests; NULL without a chart. */
GListModel   *sodo_chart_outline_get_rows          (SodoChartOutline *self);

G_END_DECLS
