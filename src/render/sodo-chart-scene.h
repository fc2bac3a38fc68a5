/* sodo-chart-scene.h: an org chart measured and laid out, ready to draw
 *
 * A scene owns what the renderer needs between frames: every card's size (measured once,
 * without a PangoLayout per unit), the collapsed set, the layout, and caches (shaped text of
 * the cards seen lately, the relations' curves, an overview for the smallest zoom levels).
 *
 * Coordinates are chart coordinates: points (1/72 inch), origin at the top-left of the
 * chart's bounds, y down. On screen at 100 % one point is one logical pixel.
 *
 * The layout is computed lazily: changing the collapsed set, the orientation or the compact
 * mode only marks it stale and emits SodoChartScene::changed; the next call that needs it
 * (sodo_chart_scene_get_layout(), a lookup, a render) computes it, reusing the measurements.
 * The measurements are redone only when the font changes or the language does (the scene
 * notices a change of sodo_language_get() by itself, or call
 * sodo_chart_scene_remeasure()).
 *
 * Not thread-safe: use a scene from one thread (the GTK main thread, or an export thread
 * that owns it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "layout/sodo-layout.h"
#include "model/sodo-orgchart.h"

G_BEGIN_DECLS

/* In compact mode, a unit with at least this many children without children of their own
 * stacks them in columns: three side by side already make a row three cards wide for what
 * reads as well as a short list under its heading, and a group of a few units is common.
 * The window, its printing and export, and `sodo --export --compact` all draw it so. */
#define SODO_CHART_COMPACT_MIN_LEAVES 3

/* The font family list used when the options name none. */
#define SODO_CHART_DEFAULT_FONT_FAMILY "Cantarell, DejaVu Sans, sans"

typedef struct {
  SodoLayoutOrientation orientation;   /* default SODO_LAYOUT_TOP_DOWN */
  gboolean              compact;       /* stack leaf children in columns; default FALSE */
  /* In compact mode, the least number of children without children of their own that a
   * unit stacks in columns (SodoLayoutOptions); default SODO_CHART_COMPACT_MIN_LEAVES. */
  guint                 compact_min_leaves;
  float                 sibling_gap;   /* default 20 */
  float                 subtree_gap;   /* default 40 */
  float                 level_gap;     /* default 48 */
  float                 card_width;    /* default 200 */
  /* Pango family list, or NULL for SODO_CHART_DEFAULT_FONT_FAMILY; the scene copies it.
   * The font belongs to the scene, not to each frame, because card sizes depend on it. */
  const char           *font_family;
  double                font_size;     /* size of the names in points; default 12 */
} SodoChartSceneOptions;

void sodo_chart_scene_options_init (SodoChartSceneOptions *options);

#define SODO_TYPE_CHART_SCENE (sodo_chart_scene_get_type ())
G_DECLARE_FINAL_TYPE (SodoChartScene, sodo_chart_scene, SODO, CHART_SCENE, GObject)

/* Measures every card of @chart. @options may be NULL for the defaults. Nothing is
 * collapsed. */
SodoChartScene         *sodo_chart_scene_new                (SodoOrgchart                *chart,
                                                             const SodoChartSceneOptions *options);

SodoOrgchart           *sodo_chart_scene_get_orgchart       (SodoChartScene              *self);
/* The options in use; font_family points into the scene. */
void                    sodo_chart_scene_get_options        (SodoChartScene              *self,
                                                             SodoChartSceneOptions       *options);
/* Applies new options: a new font or card width remeasures, the rest only lays out again. */
void                    sodo_chart_scene_set_options        (SodoChartScene              *self,
                                                             const SodoChartSceneOptions *options);
void                    sodo_chart_scene_set_orientation    (SodoChartScene              *self,
                                                             SodoLayoutOrientation        orientation);
void                    sodo_chart_scene_set_compact        (SodoChartScene              *self,
                                                             gboolean                     compact);
/* Measures again in the current language (after sodo_language_set()). */
void                    sodo_chart_scene_remeasure          (SodoChartScene              *self);

/* The current layout (computed now if stale). Owned by the scene and valid until the next
 * change (SodoChartScene::changed). NULL only if the layout failed (out of memory). */
const SodoLayoutResult *sodo_chart_scene_get_layout         (SodoChartScene              *self);
/* Bounds of the laid-out chart (x = y = 0). */
void                    sodo_chart_scene_get_bounds         (SodoChartScene              *self,
                                                             SodoLayoutRect              *bounds);
/* The card of @unit. FALSE, with an all-zero @rect, when the unit is hidden under a
 * collapsed ancestor or out of range. */
gboolean                sodo_chart_scene_get_unit_rect      (SodoChartScene              *self,
                                                             guint                        unit,
                                                             SodoLayoutRect              *rect);
gboolean                sodo_chart_scene_is_unit_visible    (SodoChartScene              *self,
                                                             guint                        unit);
/* The visible unit whose card contains (x, y), or SODO_NO_INDEX. */
guint                   sodo_chart_scene_unit_at            (SodoChartScene              *self,
                                                             double                       x,
                                                             double                       y);
/* Stores in @out (up to @max_out; @out may be NULL when max_out is 0) the visible units
 * whose cards intersect the rectangle, and returns how many do (may exceed @max_out). */
gsize                   sodo_chart_scene_visible_units_in_rect (SodoChartScene           *self,
                                                             double                       x,
                                                             double                       y,
                                                             double                       width,
                                                             double                       height,
                                                             guint32                     *out,
                                                             gsize                        max_out);

/* Collapsing. A collapsed unit hides all its descendants and shows a "+N" badge. Units
 * without children cannot be collapsed (setting it is ignored). */
gboolean                sodo_chart_scene_get_collapsed      (SodoChartScene              *self,
                                                             guint                        unit);
void                    sodo_chart_scene_set_collapsed      (SodoChartScene              *self,
                                                             guint                        unit,
                                                             gboolean                     collapsed);
/* Collapses or expands @unit and every unit below it. */
void                    sodo_chart_scene_set_subtree_collapsed (SodoChartScene           *self,
                                                             guint                        unit,
                                                             gboolean                     collapsed);
/* Collapses every unit deeper than @depth (0 shows the root only); expands the others. */
void                    sodo_chart_scene_collapse_to_depth  (SodoChartScene              *self,
                                                             guint                        depth);
/* Number of units below @unit (its whole subtree, @unit excluded). */
guint                   sodo_chart_scene_get_descendant_count (SodoChartScene            *self,
                                                             guint                        unit);
/* The nearest visible ancestor of @unit, or @unit itself when visible. */
guint                   sodo_chart_scene_get_visible_ancestor (SodoChartScene            *self,
                                                             guint                        unit);
/* Makes @unit visible by expanding its ancestors. */
void                    sodo_chart_scene_reveal_unit        (SodoChartScene              *self,
                                                             guint                        unit);

G_END_DECLS
