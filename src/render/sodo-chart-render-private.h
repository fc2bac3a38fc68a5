/* sodo-chart-render-private.h: what the render layer's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "sodo-chart-fonts-private.h"
#include "sodo-chart-renderer.h"
#include "sodo-chart-scene.h"

G_BEGIN_DECLS

/* Card geometry, in points. */
#define _SODO_CARD_BAND            6.0   /* kind colour band on the card's left */
#define _SODO_CARD_PAD_X           10.0
#define _SODO_CARD_PAD_TOP         9.0
#define _SODO_CARD_PAD_BOTTOM      10.0
#define _SODO_CARD_LINE_GAP        3.0   /* between the name and each further line */
#define _SODO_CARD_RADIUS          6.0
#define _SODO_CARD_NAME_MAX_LINES  3
#define _SODO_CARD_MIN_HEIGHT      44.0

/* ---- Canvas: pixels written directly (sodo-chart-canvas.c) ---- */

typedef struct {
  cairo_surface_t *image;
  guint32         *pixels;      /* premultiplied ARGB, rows of @stride pixels */
  int              width;
  int              height;
  int              stride;
  /* Chart point x is at canvas column x * scale_x + offset_x - left (rows likewise). */
  double           scale_x, scale_y;
  double           offset_x, offset_y;
  double           left, top;
  gboolean         resampled;   /* not one canvas pixel per device pixel */
} SodoCanvas;

/* Starts a canvas over @extent (chart coordinates) of the cairo_t's user space, with
 * @pixel_scale pixels per device unit when the surface does not give a device scale. FALSE
 * if there is nothing to draw or no memory. */
gboolean _sodo_canvas_begin         (SodoCanvas          *canvas,
                                     cairo_t             *cr,
                                     const SodoChartRect *extent,
                                     double               pixel_scale);
/* Paints a chart rectangle with @color (blended when translucent), on whole pixels and at
 * least one pixel large. */
void     _sodo_canvas_fill          (SodoCanvas          *canvas,
                                     double               x0,
                                     double               y0,
                                     double               x1,
                                     double               y1,
                                     SodoChartColor       color);
/* The size of a canvas pixel in chart points. */
double   _sodo_canvas_get_pixel_size (const SodoCanvas   *canvas);
/* Paints the canvas onto @cr (same user space as at the start) and frees it. */
void     _sodo_canvas_end           (SodoCanvas          *canvas,
                                     cairo_t             *cr);

/* ---- Card content (sodo-chart-card.c) ---- */

typedef struct {
  const char *name;          /* never NULL */
  const char *second;        /* short name, else host; NULL if neither */
  char       *bottom;        /* people count or main figure; NULL if neither */
  gsize       bottom_strong; /* bytes at the start of @bottom drawn in bold (the number) */
} SodoCardTexts;

void    _sodo_card_texts_init      (SodoCardTexts  *texts,
                                    SodoOrgchart   *chart,
                                    guint           unit);
void    _sodo_card_texts_clear     (SodoCardTexts  *texts);
/* Whether a unit's card has a second and a bottom line, without formatting anything. */
void    _sodo_card_get_lines       (SodoOrgchart   *chart,
                                    guint           unit,
                                    gboolean       *has_second,
                                    gboolean       *has_bottom);
double  _sodo_card_text_width      (double          card_width);
/* The card's height; its content's alone unless @at_least_minimum. */
double  _sodo_card_height          (SodoChartFonts *fonts,
                                    guint           name_lines,
                                    gboolean        has_second,
                                    gboolean        has_bottom,
                                    gboolean        at_least_minimum);

/* The shaped text of one card, made from the scene's context: it draws at any scale. */
typedef struct {
  PangoLayout *name;
  PangoLayout *second;       /* NULL when the card has no second line (or !has_details) */
  PangoLayout *bottom;       /* NULL when the card has no bottom line (or !has_details) */
  gboolean     has_details;  /* second and bottom are made */
} SodoCardLayouts;

/* Makes what @layouts lacks: the name, and the other lines if @with_details. Returns
 * whether anything was shaped. */
gboolean _sodo_card_layouts_build  (SodoCardLayouts *layouts,
                                    SodoChartScene  *scene,
                                    guint            unit,
                                    gboolean         with_details);
void    _sodo_card_layouts_clear   (SodoCardLayouts *layouts);

/* ---- Scene internals (sodo-chart-scene.c) ---- */

typedef enum {
  _SODO_SCENE_CACHE_RELATIONS,   /* relation curves, per layout */
  _SODO_SCENE_CACHE_OVERVIEW,    /* density overview, per layout */
  _SODO_SCENE_N_CACHES
} SodoSceneCache;

SodoChartFonts        *_sodo_chart_scene_get_fonts        (SodoChartScene *self);
double                 _sodo_chart_scene_get_card_width   (SodoChartScene *self);
guint                  _sodo_chart_scene_get_name_lines   (SodoChartScene *self,
                                                           guint           unit);
/* The shaped text of @unit (with the lines below the name if @with_details), from a cache
 * of the cards drawn lately. *shaped is set to TRUE when some had to be made now. Valid
 * until the next call. */
const SodoCardLayouts *_sodo_chart_scene_get_card_layouts (SodoChartScene *self,
                                                           guint           unit,
                                                           gboolean        with_details,
                                                           gboolean       *shaped);
/* Whether the cache holds @unit's text (with the lower lines if @with_details). */
gboolean               _sodo_chart_scene_has_card_layouts (SodoChartScene *self,
                                                           guint           unit,
                                                           gboolean        with_details);
/* Data attached to the current layout, freed when the layout changes. */
gpointer               _sodo_chart_scene_get_cache        (SodoChartScene *self,
                                                           SodoSceneCache  cache);
void                   _sodo_chart_scene_set_cache        (SodoChartScene *self,
                                                           SodoSceneCache  cache,
                                                           gpointer        data,
                                                           GDestroyNotify  destroy);
/* Colour of a kind: its own, or one of a fixed set chosen by its index. */
guint32                _sodo_chart_scene_get_kind_color   (SodoChartScene *self,
                                                           guint           kind);
/* Whether any unit has the kind / any relation the relation kind. */
gboolean               _sodo_chart_scene_kind_is_used     (SodoChartScene *self,
                                                           guint           kind);
gboolean               _sodo_chart_scene_relation_kind_is_used (SodoChartScene *self,
                                                           guint           relation_kind);

/* ---- Drawing helpers (sodo-chart-renderer.c) ---- */

void    _sodo_cairo_set_color      (cairo_t        *cr,
                                    SodoChartColor  color);
void    _sodo_cairo_rounded_rect   (cairo_t        *cr,
                                    double          x,
                                    double          y,
                                    double          width,
                                    double          height,
                                    double          radius);
/* A data colour (kind, relation) as the palette shows it. */
SodoChartColor _sodo_palette_data_color (const SodoChartPalette *palette,
                                         guint32                 rgb);

/* Orders @units (n_units) by kind into @sorted and returns where each kind starts:
 * sorted[starts[k] .. starts[k + 1] - 1] have kind k, for k in 0 .. *n_kinds (the last
 * slot takes kinds out of range). Free the result with g_free(). */
guint32 *_sodo_sort_by_kind        (SodoChartScene         *scene,
                                    const guint32          *units,
                                    gsize                   n_units,
                                    guint32                *sorted,
                                    guint                  *n_kinds);

/* ---- Cards (sodo-chart-card.c) ---- */

/* Draws the cards @units (visible units of @layout): shapes, text, highlights, badges.
 * With a @canvas, the shapes are written on it and it is painted (and freed) before the
 * text is drawn. */
void    _sodo_cards_draw           (SodoChartScene         *scene,
                                    cairo_t                *cr,
                                    const SodoLayoutResult *layout,
                                    const guint32          *units,
                                    gsize                   n_units,
                                    const SodoRenderParams *params,
                                    const SodoChartPalette *palette,
                                    SodoCanvas             *canvas,
                                    SodoRenderStats        *stats);

/* ---- Relations (sodo-chart-relations.c) ---- */

typedef enum {
  _SODO_RELATIONS_CURVES,   /* the curves and arrowheads, drawn under the cards */
  _SODO_RELATIONS_LABELS,   /* their labels, drawn over the cards */
} SodoRelationsPass;

/* Where one relation curve runs, for tests and for other drawings of the same curves. */
typedef struct {
  guint  from;             /* the visible cards it links */
  guint  to;
  guint  n_relations;      /* relations of one kind folded onto these two cards */
  double x[4];             /* its control points; (x[3], y[3]) is the arrowhead's tip */
  double y[4];
} SodoRelationCurve;

/* Stores up to @max_out of the current layout's relation curves in @out (nullable when
 * max_out is 0) and returns how many there are. */
guint   _sodo_relations_get_curves (SodoChartScene         *scene,
                                    SodoRelationCurve      *out,
                                    guint                   max_out);

/* Draws one pass of the relations whose curves (or labels) may meet @area, as
 * params->subdue_relations, selected_unit and hover_unit say. */
void    _sodo_relations_draw       (SodoChartScene         *scene,
                                    cairo_t                *cr,
                                    const SodoChartRect    *area,
                                    const SodoRenderParams *params,
                                    const SodoChartPalette *palette,
                                    SodoRelationsPass       pass,
                                    SodoRenderStats        *stats);

/* ---- Density overview (sodo-chart-overview.c) ---- */

/* Builds the overview of the current layout now rather than on the first frame that needs
 * it (linear in the visible cards: tens of milliseconds for a million). */
void    _sodo_overview_prepare     (SodoChartScene         *scene);

/* Draws @area (chart coordinates) as a density picture of cards and groups of cards. The
 * cairo_t is already transformed to chart coordinates and clipped to @area. */
void    _sodo_overview_draw        (SodoChartScene         *scene,
                                    cairo_t                *cr,
                                    const SodoChartRect    *area,
                                    const SodoRenderParams *params,
                                    const SodoChartPalette *palette,
                                    SodoRenderStats        *stats);

/* Whether unit @unit is set in the match bitset (NULL = none). */
static inline gboolean
_sodo_render_is_match (const guint32 *matches,
                       guint          unit)
{
  return matches != NULL && (matches[unit / 32] >> (unit % 32)) & 1;
}

G_END_DECLS
