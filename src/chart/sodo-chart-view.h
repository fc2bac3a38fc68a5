/* sodo-chart-view.h: the interactive org chart: zoom, pan, select, collapse
 *
 * The view draws, through the renderer, only the part of the chart in sight at the current
 * zoom. It owns the view transform (zoom and the chart point at its centre), the selection,
 * the hover and the search matches; the scene it makes for its chart owns the layout and
 * the collapsed set.
 *
 * Actions (prefix "chart."), for the view's own menus and key bindings: zoom-in, zoom-out,
 * zoom-reset, zoom-fit, zoom-selection, toggle-collapsed, expand-below, collapse-below,
 * center, copy-name, context-menu, and the stateful orientation ("top-down"/"left-right"),
 * compact and show-relations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/sodo-orgchart.h"
#include "render/sodo-chart-scene.h"

G_BEGIN_DECLS

/* SodoLayoutOrientation as a GEnum, nicks "top-down" and "left-right" (the values of the
 * chart-orientation setting), so that it binds to GSettings and drives a property action. */
#define SODO_TYPE_CHART_ORIENTATION (sodo_chart_orientation_get_type ())
GType sodo_chart_orientation_get_type (void);

/* What a rebuilt window needs to show the chart as it was. Units are named by id, so a
 * reloaded file with units added or reordered still restores. */
typedef struct {
  double  zoom;
  /* The chart point at the centre of the view, in chart coordinates. */
  double  center_x;
  double  center_y;
  /* The unit nearest the centre when saved, and the centre's offset from its card's centre:
   * restoring places the centre relative to that card, so that a new layout (another
   * language, a reloaded file) keeps the same part of the chart in view. NULL = none. */
  char   *anchor_id;
  double  anchor_dx;
  double  anchor_dy;
  char   *selected_id;     /* NULL for no selection */
  char  **collapsed_ids;   /* NULL-terminated, never NULL */
  /* The whole chart was fitted into the view (and not moved since): restoring fits it again,
   * whatever size the cards have now. */
  gboolean fitted;
} SodoChartViewState;

#define SODO_TYPE_CHART_VIEW_STATE (sodo_chart_view_state_get_type ())
GType               sodo_chart_view_state_get_type (void);
SodoChartViewState *sodo_chart_view_state_copy     (const SodoChartViewState *state);
void                sodo_chart_view_state_free     (SodoChartViewState       *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SodoChartViewState, sodo_chart_view_state_free)

#define SODO_TYPE_CHART_VIEW (sodo_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (SodoChartView, sodo_chart_view, SODO, CHART_VIEW, GtkWidget)

/* Limits of the zoom, as a scale (1.0 = 100 %). Zooming out goes below the lower limit only
 * as far as it takes to see the whole chart. */
#define SODO_CHART_VIEW_MIN_ZOOM 0.1
#define SODO_CHART_VIEW_MAX_ZOOM 4.0

GtkWidget             *sodo_chart_view_new                (void);

SodoOrgchart          *sodo_chart_view_get_orgchart       (SodoChartView            *self);
/* A new chart is shown fitted on its first show, with as many whole levels as are drawn
 * with their names at the fitted zoom (at least the root and its children), the deeper ones
 * collapsed; until the reader changes what is collapsed, a resize chooses again. A reload
 * of the same file (same GFile), or a view state set before, keeps the view instead: zoom,
 * position, selection and collapsed units. */
void                   sodo_chart_view_set_orgchart       (SodoChartView            *self,
                                                           SodoOrgchart             *orgchart);
/* The scene of the current chart (NULL without a chart): its layout, collapsed set and
 * visible units. */
SodoChartScene        *sodo_chart_view_get_scene          (SodoChartView            *self);

/* The selected unit's index, or SODO_NO_INDEX. */
guint                  sodo_chart_view_get_selected_unit  (SodoChartView            *self);
/* Selects @unit (SODO_NO_INDEX clears), expanding its ancestors if it was hidden; with
 * @center, moves the view (animated) to show it in the middle. */
void                   sodo_chart_view_select_unit        (SodoChartView            *self,
                                                           guint                     unit,
                                                           gboolean                  center);

double                 sodo_chart_view_get_zoom           (SodoChartView            *self);
/* Sets the zoom at once, keeping the centre of the view where it is. */
void                   sodo_chart_view_set_zoom           (SodoChartView            *self,
                                                           double                    zoom);
/* Steps of 25 %, animated, around the centre of the view. */
void                   sodo_chart_view_zoom_in            (SodoChartView            *self);
void                   sodo_chart_view_zoom_out           (SodoChartView            *self);
/* Shows the whole chart (never enlarged past 100 %), animated. */
void                   sodo_chart_view_zoom_to_fit        (SodoChartView            *self);
/* Fits the selected unit and what is visible below it. */
void                   sodo_chart_view_zoom_to_selection  (SodoChartView            *self);
/* Moves the view (animated) just enough to bring @unit's card into sight, zooming in to a
 * readable size if the text is too small to read. */
void                   sodo_chart_view_reveal_unit        (SodoChartView            *self,
                                                           guint                     unit);
/* Moves the view (animated) so that @unit's card is in the middle. */
void                   sodo_chart_view_center_on_unit     (SodoChartView            *self,
                                                           guint                     unit);

/* Highlights @units (@n_units indices; NULL/0 clears) as search matches. */
void                   sodo_chart_view_set_matches        (SodoChartView            *self,
                                                           const guint              *units,
                                                           guint                     n_units);

/* Collapses or expands @unit (hiding or showing everything below it). */
void                   sodo_chart_view_set_collapsed      (SodoChartView            *self,
                                                           guint                     unit,
                                                           gboolean                  collapsed);

SodoLayoutOrientation  sodo_chart_view_get_orientation    (SodoChartView            *self);
void                   sodo_chart_view_set_orientation    (SodoChartView            *self,
                                                           SodoLayoutOrientation     orientation);
gboolean               sodo_chart_view_get_compact        (SodoChartView            *self);
void                   sodo_chart_view_set_compact        (SodoChartView            *self,
                                                           gboolean                  compact);
gboolean               sodo_chart_view_get_show_relations (SodoChartView            *self);
void                   sodo_chart_view_set_show_relations (SodoChartView            *self,
                                                           gboolean                  show_relations);

/* The view as it is now (NULL without a chart). */
SodoChartViewState    *sodo_chart_view_get_view_state     (SodoChartView            *self);
/* Restores @state on the current chart; without a chart yet, on the next one set (in
 * place of fitting it). Ids the chart no longer has are skipped. */
void                   sodo_chart_view_set_view_state     (SodoChartView            *self,
                                                           const SodoChartViewState *state);

G_END_DECLS
