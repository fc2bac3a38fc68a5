/* sodo-chart-view-private.h: what the chart view's files (view, input, minimap) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "render/sodo-chart-renderer.h"

#include "sodo-chart-view.h"

G_BEGIN_DECLS

/* Length of the animated moves (centre on a unit, zoom to fit), in microseconds. */
#define _SODO_CHART_VIEW_ANIMATION_USEC (250 * 1000)
/* Space kept around the chart when fitting it, in pixels. */
#define _SODO_CHART_VIEW_FIT_MARGIN 24.0
/* Factor of one zoom step (keys, buttons). */
#define _SODO_CHART_VIEW_ZOOM_STEP 1.25

typedef enum {
  _SODO_CHART_MOVE_PARENT,
  _SODO_CHART_MOVE_FIRST_CHILD,
  _SODO_CHART_MOVE_PREVIOUS_SIBLING,
  _SODO_CHART_MOVE_NEXT_SIBLING,
  _SODO_CHART_MOVE_ROOT,
} SodoChartMove;

struct _SodoChartView
{
  GtkWidget              parent_instance;

  SodoOrgchart          *orgchart;
  SodoChartScene        *scene;

  /* The view transform: the chart point shown at the centre of the widget, and the scale
   * (pixels per chart point). */
  double                 zoom;
  double                 center_x;
  double                 center_y;

  guint                  selected_unit;
  guint                  hover_unit;
  guint32               *matches;          /* bitset over the units, NULL when none */

  SodoLayoutOrientation  orientation;
  gboolean               compact;
  gboolean               show_relations;
  gboolean               dark;

  /* A new chart is fitted on its first allocation; a saved state is applied there instead
   * when one was given before the chart came. */
  gboolean               fit_pending;
  SodoChartViewState    *pending_state;
  /* The whole chart is in view as zoom to fit left it: a resize fits it again, until the
   * reader moves the view. */
  gboolean               fitted;
  gboolean               animating_fit;
  /* The chart shows as it was first shown, collapsed to a readable depth for the view's
   * size: a resize chooses the depth again, until the reader changes what is collapsed. */
  gboolean               initial_view;
  gboolean               applying_initial_view;
  int                    last_width;
  int                    last_height;

  /* Animated move, from the values at the start to the target. */
  guint                  tick_id;
  gint64                 animation_start;  /* frame time; 0 = not started yet */
  double                 from_zoom;
  double                 from_x;
  double                 from_y;
  double                 to_zoom;
  double                 to_x;
  double                 to_y;

  /* Input state */
  double                 pointer_x;        /* last pointer position, widget coordinates */
  double                 pointer_y;
  gboolean               pointer_inside;
  double                 drag_center_x;    /* centre when a drag began */
  double                 drag_center_y;
  gboolean               dragging;
  double                 pinch_zoom;       /* zoom when a pinch began */
  double                 pinch_chart_x;    /* chart point under the fingers when it began */
  double                 pinch_chart_y;

  GtkWidget             *minimap;
  GtkWidget             *context_menu;
};

/* Where a unit's card centre is on screen, to put it back there after a relayout. */
typedef struct {
  guint  unit;
  double widget_x;
  double widget_y;
} SodoChartAnchor;

/* sodo-chart-view.c */
void      _sodo_chart_view_notify_zoom        (SodoChartView    *self);
/* The render parameters of the current frame (area and scale excepted). */
void      _sodo_chart_view_init_params        (SodoChartView    *self,
                                               SodoRenderParams *params);
/* Selects without moving the view; reveals the unit when hidden. */
void      _sodo_chart_view_set_selected       (SodoChartView    *self,
                                               guint             unit);
void      _sodo_chart_view_set_hover          (SodoChartView    *self,
                                               guint             unit);
/* Collapses or expands, keeping @unit's card where it is on screen. */
void      _sodo_chart_view_toggle_collapsed   (SodoChartView    *self,
                                               guint             unit);
/* The accessible announcement of @unit: name, kind and position. */
char     *_sodo_chart_view_describe_unit      (SodoChartView    *self,
                                               guint             unit);
/* Whether the overview would help: the chart is larger than the view. */
gboolean  _sodo_chart_view_needs_minimap      (SodoChartView    *self);

/* sodo-chart-view-transform.c */
/* Bounds of the laid-out chart; FALSE (and all zero) without a chart. */
gboolean  _sodo_chart_view_get_bounds         (SodoChartView    *self,
                                               SodoLayoutRect   *bounds);
/* Converts between widget and chart coordinates with the current transform. */
void      _sodo_chart_view_widget_to_chart    (SodoChartView *self,
                                               double         widget_x,
                                               double         widget_y,
                                               double        *chart_x,
                                               double        *chart_y);
/* The part of the chart in view, in chart coordinates. */
void      _sodo_chart_view_get_visible_area   (SodoChartView *self,
                                               SodoChartRect *area);
/* Applies a transform now (clamped), leaving any animation running. */
void      _sodo_chart_view_apply_transform    (SodoChartView *self,
                                               double         zoom,
                                               double         center_x,
                                               double         center_y);
/* Applies a transform now (clamped), stopping any animation. */
void      _sodo_chart_view_set_transform      (SodoChartView *self,
                                               double         zoom,
                                               double         center_x,
                                               double         center_y);
/* Zooms by @factor keeping the chart point under (widget_x, widget_y) in place. */
void      _sodo_chart_view_zoom_around        (SodoChartView *self,
                                               double         factor,
                                               double         widget_x,
                                               double         widget_y);
/* Moves (animated when animations are on and the view is mapped) to a transform. */
void      _sodo_chart_view_animate_to         (SodoChartView *self,
                                               double         zoom,
                                               double         center_x,
                                               double         center_y);
void      _sodo_chart_view_stop_animation     (SodoChartView *self);
/* Whether an animated move is running (for tests). */
gboolean  _sodo_chart_view_is_animating       (SodoChartView *self);
/* Where the view is going: the target of a running animation, else where it is. */
double    _sodo_chart_view_get_target_zoom    (SodoChartView *self);
void      _sodo_chart_view_get_target_center  (SodoChartView *self,
                                               double        *center_x,
                                               double        *center_y);
/* Shows the whole chart, animated or at once. */
void      _sodo_chart_view_fit                (SodoChartView *self,
                                               gboolean       animate);
/* The first view of a chart: collapsed below the deepest level at which the fitted chart
 * is still drawn with its text (down to the root and its children), then fitted. */
void      _sodo_chart_view_show_initial       (SodoChartView *self);
/* After a resize from @old_width × @old_height: keeps the top-left corner where it was, and
 * the selected card in sight if it was. */
void      _sodo_chart_view_resized            (SodoChartView *self,
                                               int            old_width,
                                               int            old_height);
/* Moves the view, if needed, so the selected card is fully in sight. */
void      _sodo_chart_view_scroll_to_selected (SodoChartView *self);
/* The visible unit whose card centre is nearest the centre of the view (the root when none
 * is in sight). */
guint     _sodo_chart_view_unit_nearest_center (SodoChartView *self);
/* Records where @unit's card is on screen; FALSE when it is hidden. */
gboolean  _sodo_chart_view_anchor_save        (SodoChartView         *self,
                                               guint                  unit,
                                               SodoChartAnchor       *anchor);
/* After a relayout, moves the view so that the card is back where it was on screen. */
void      _sodo_chart_view_anchor_restore     (SodoChartView         *self,
                                               const SodoChartAnchor *anchor);
/* Applies @change (orientation, compact mode) to the scene, keeping the selection, or what
 * is in the middle, where it is on screen. */
void      _sodo_chart_view_relayout_steadily  (SodoChartView *self,
                                               void         (*change) (SodoChartScene *, gboolean),
                                               gboolean       value);

/* sodo-chart-view-state.c */
void      _sodo_chart_view_apply_state        (SodoChartView            *self,
                                               const SodoChartViewState *state);

/* sodo-chart-view-input.c */
void      _sodo_chart_view_class_init_input   (GtkWidgetClass *widget_class);
void      _sodo_chart_view_init_input         (SodoChartView  *self);
/* The unit a keyboard move from @unit reaches, or SODO_NO_INDEX. */
guint     _sodo_chart_view_find_move          (SodoChartView  *self,
                                               guint           unit,
                                               SodoChartMove   move);
/* Selects along the tree, as an arrow key does, and brings the unit into view. */
void      _sodo_chart_view_move_selection     (SodoChartView  *self,
                                               SodoChartMove   move);
void      _sodo_chart_view_popup_menu         (SodoChartView  *self,
                                               double          widget_x,
                                               double          widget_y);

G_END_DECLS
