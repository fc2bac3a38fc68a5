/* sodo-chart-details.h: what the chart knows about the selected unit
 *
 * The unit's name (in the current language), short name, kind with its colour, host body,
 * description, people and their roles, figures, dates of validity, the unit it is part of,
 * its successors, its relations both ways, and the regulation articles that govern it
 * (when a regulation is set). Other units are links ("unit-activated"), articles too
 * ("article-activated"); references the regulation does not define are shown as such.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/sodo-orgchart.h"
#include "model/sodo-regulation.h"

G_BEGIN_DECLS

#define SODO_TYPE_CHART_DETAILS (sodo_chart_details_get_type ())
G_DECLARE_FINAL_TYPE (SodoChartDetails, sodo_chart_details, SODO, CHART_DETAILS, GtkWidget)

GtkWidget      *sodo_chart_details_new               (void);

SodoOrgchart   *sodo_chart_details_get_orgchart      (SodoChartDetails *self);
void            sodo_chart_details_set_orgchart      (SodoChartDetails *self,
                                                      SodoOrgchart     *orgchart);
/* The unit shown, or SODO_NO_INDEX for none. */
guint           sodo_chart_details_get_selected_unit (SodoChartDetails *self);
void            sodo_chart_details_set_selected_unit (SodoChartDetails *self,
                                                      guint             unit);
/* The regulation whose articles are listed (nullable). */
SodoRegulation *sodo_chart_details_get_regulation    (SodoChartDetails *self);
void            sodo_chart_details_set_regulation    (SodoChartDetails *self,
                                                      SodoRegulation   *regulation);

G_END_DECLS
