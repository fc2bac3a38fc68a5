/* sodo-chart-renderer.h: draws a laid-out org chart to any cairo_t
 *
 * One function serves the screen, the printer, PDF/SVG/PNG export and the tests. It draws
 * the part of the chart inside params->area (chart coordinates) at params->scale, placing
 * the area's top-left corner at the origin of the cairo_t's current user space and clipping
 * to the area. The cost of a frame depends on what is visible, not on the chart's size:
 * only cards and connectors the layout's spatial index reports are drawn, relations are
 * culled by their bounding boxes, and at small scales simpler shapes replace the cards
 * (level of detail):
 *
 *   scale >= 0.5          cards: kind band, name (bold, up to 3 lines), short name or host,
 *                         people count or main figure, "+N" badges, relation labels
 *   0.35 <= scale < 0.5   the same with the names only (the smaller lines would be a few
 *                         pixels tall)
 *   0.08 <= scale < 0.35  coloured rectangles and connectors, no text
 *   scale < 0.08          a density picture: cards, or groups of nearby cards, as blocks
 *
 * With SODO_CHART_DETAIL_AUTO (the screen), connectors and small cards are put on whole
 * device pixels so they stay crisp, and where cards are small they and their connectors are
 * written straight into an image of the frame's pixels rather than drawn as paths.
 *
 * Text goes through PangoCairo as plain text (pango_layout_set_text(), never markup).
 * Not thread-safe: a scene and its frames belong to one thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "sodo-chart-palette.h"
#include "sodo-chart-scene.h"

G_BEGIN_DECLS

/* Scales at which the level of detail changes (SODO_CHART_DETAIL_AUTO). */
#define SODO_CHART_DETAIL_TEXT_MIN_SCALE 0.5
#define SODO_CHART_TEXT_MIN_SCALE        0.35
#define SODO_CHART_BLOCK_MIN_SCALE       0.08

typedef enum {
  SODO_CHART_DETAIL_AUTO = 0,   /* chosen from the scale, as above */
  /* Cards with all their text at any scale, exact geometry (nothing moved onto device
   * pixels, no canvas, rounded corners): for print and vector export. */
  SODO_CHART_DETAIL_FULL,
  SODO_CHART_DETAIL_BLOCKS,     /* coloured rectangles and connectors */
  SODO_CHART_DETAIL_DENSITY,    /* blocks of cards and groups */
} SodoChartDetail;

typedef struct {
  double x;
  double y;
  double width;
  double height;
} SodoChartRect;

/* What a frame drew; for tests and for measuring. */
typedef struct {
  SodoChartDetail detail;       /* the level of detail used (never AUTO) */
  guint           n_cards;      /* cards drawn, in any form */
  guint           n_edges;      /* tree connectors drawn */
  guint           n_relations;  /* relation curves drawn (one may draw several relations) */
  guint           n_emphasized; /* of them, drawn emphasized (params->subdue_relations) */
  guint           n_relation_labels; /* relation labels drawn */
  guint           n_texts;      /* PangoLayouts drawn (pango_cairo_show_layout calls) */
  guint           n_shaped;     /* PangoLayouts shaped for this frame (not cached) */
  guint           n_badges;     /* "+N" badges drawn */
  guint           n_blocks;     /* density blocks drawn (groups of cards as one block) */
  /* Cards whose text was left for a later frame (params->shaping_budget ran out): they
   * show a grey bar instead. Draw again (e.g. gtk_widget_queue_draw()) while non-zero. */
  guint           n_deferred;
} SodoRenderStats;

typedef struct {
  /* The part of the chart to draw, in chart coordinates. */
  SodoChartRect           area;
  /* Device units per chart point (1.0 = 100 %). */
  double                  scale;
  SodoChartDetail         detail;
  const SodoChartPalette *palette;          /* NULL = sodo_chart_palette_light() */
  gboolean                paint_background; /* fill the area with palette->background */
  gboolean                show_relations;   /* non-tree relations, with their labels */
  /* For the screen: relations are drawn light and thin and without labels, but those that
   * touch the selected or the hovered unit in full colour with their labels. FALSE (print,
   * export): every relation in colour with its label. */
  gboolean                subdue_relations;
  guint                   selected_unit;    /* SODO_NO_INDEX for none */
  guint                   hover_unit;       /* SODO_NO_INDEX for none */
  /* Search matches: a bitset of n_units bits (unit i is bit i % 32 of matches[i / 32]),
   * or NULL. */
  const guint32          *matches;
  /* Most card texts to shape (lay out with Pango) in this frame, 0 for no limit. Text once
   * shaped is kept for the next frames, but a jump to a region full of new cards would
   * shape hundreds at once; with a budget (about 150 keeps a frame within a few ms) the
   * rest are drawn in the next frames (see SodoRenderStats.n_deferred). Leave 0 for print
   * and export. */
  guint                   shaping_budget;
  /* Device pixels per unit of the cairo_t's device space, when its surface cannot say:
   * GTK records cairo nodes at scale 1 and replays them at the monitor's scale, so a
   * widget passes gtk_widget_get_scale_factor(). Pixel-exact parts (small cards, the
   * zoomed-out picture) are then made at the real resolution. Default 1. */
  double                  pixel_scale;
  /* Filled in by each call when not NULL. */
  SodoRenderStats        *stats;
} SodoRenderParams;

/* Defaults: scale 1, detail AUTO, light palette, background painted, relations shown and
 * not subdued, nothing selected, hovered or matched, no shaping budget; area the empty
 * rectangle. */
void             sodo_render_params_init         (SodoRenderParams       *params);
/* Sets params->area to the whole chart with @margin points around it. */
void             sodo_render_params_set_whole_chart (SodoRenderParams    *params,
                                                  SodoChartScene         *scene,
                                                  double                  margin);

void             sodo_chart_render               (SodoChartScene         *scene,
                                                  cairo_t                *cr,
                                                  const SodoRenderParams *params);

/* Draws the legend (kinds used by the chart, and relation kinds used by its relations when
 * params->show_relations) with its top-left corner at (@x, @y) of the cairo_t's user space,
 * in points, unscaled (params->scale is ignored: the caller's transform applies). @cr may
 * be NULL to only measure. Stores the legend's size in @width and @height (nullable). */
void             sodo_chart_render_legend        (SodoChartScene         *scene,
                                                  cairo_t                *cr,
                                                  double                  x,
                                                  double                  y,
                                                  const SodoRenderParams *params,
                                                  double                 *width,
                                                  double                 *height);

/* Renders params->area at params->scale to a new ARGB32 image surface of
 * ceil(area.width * scale) x ceil(area.height * scale) pixels. Fails with SODO_ERROR_LIMIT
 * when that is larger than an image can be. */
cairo_surface_t *sodo_chart_render_to_image      (SodoChartScene         *scene,
                                                  const SodoRenderParams *params,
                                                  GError                **error);

G_END_DECLS
