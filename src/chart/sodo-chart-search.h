/* sodo-chart-search.h: the find bar's content in the chart pane
 *
 * An entry, the "N of M" count and previous/next buttons, made to sit in a GtkSearchBar:
 * inside one, it connects its entry to the bar (Escape closes it, which clears the entry and
 * so the highlights) and searches only while the bar is open. It finds units
 * with SodoUnitMatcher (name, short name, host body, people; case and Vietnamese diacritics
 * ignored) as the user types, moves to the first match at or after the selected unit, and
 * steps through the matches in tree order with Enter and Shift+Enter (also Ctrl+G,
 * Shift+Ctrl+G and the buttons).
 *
 * It knows nothing of the chart view: the pane binds "selected-unit" to the view's, passes
 * the matches to sodo_chart_view_set_matches() on "matches-changed", and centres the view on
 * "activate-match".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/sodo-orgchart.h"

G_BEGIN_DECLS

#define SODO_TYPE_CHART_SEARCH (sodo_chart_search_get_type ())
G_DECLARE_FINAL_TYPE (SodoChartSearch, sodo_chart_search, SODO, CHART_SEARCH, GtkWidget)

GtkWidget    *sodo_chart_search_new                     (void);

SodoOrgchart *sodo_chart_search_get_orgchart            (SodoChartSearch *self);
void          sodo_chart_search_set_orgchart            (SodoChartSearch *self,
                                                         SodoOrgchart    *orgchart);
guint         sodo_chart_search_get_selected_unit       (SodoChartSearch *self);
void          sodo_chart_search_set_selected_unit       (SodoChartSearch *self,
                                                         guint            unit);

/* Puts the keyboard focus in the entry, its text selected, opening the bar around it. */
void          sodo_chart_search_start                   (SodoChartSearch *self);

/* For a key controller above the bar, in the capture phase: while the bar is opening, with
 * the focus in the entry, hands it the key @controller is handling, which GTK would drop
 * on its way (see the .c). Returns whether the entry took it; FALSE, and nothing done, at
 * any other time. */
gboolean      sodo_chart_search_forward_key             (SodoChartSearch       *self,
                                                         GtkEventControllerKey *controller);

/* Opens the bar with @query in the entry and searches now, without waiting for the typing
 * delay. */
void          sodo_chart_search_set_query               (SodoChartSearch *self,
                                                         const char      *query);
/* The same, but the selection stays where it is: for a rebuilt window showing what the old
 * one showed. */
void          sodo_chart_search_restore_query           (SodoChartSearch *self,
                                                         const char      *query);
const char   *sodo_chart_search_get_query               (SodoChartSearch *self);

/* The matching units in tree order (NULL when none). Valid until "matches-changed". */
const guint  *sodo_chart_search_get_matches             (SodoChartSearch *self,
                                                         guint           *n_matches);
/* The match the user is on (the selected unit, when it matches), or SODO_NO_INDEX. */
guint         sodo_chart_search_get_current_match       (SodoChartSearch *self);
/* Steps to the next or previous match after the selected unit, wrapping around. */
void          sodo_chart_search_next_match              (SodoChartSearch *self);
void          sodo_chart_search_previous_match          (SodoChartSearch *self);

G_END_DECLS
