/* sodo-pagination-private.h: what the pagination's planning and drawing share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "sodo-pagination.h"

G_BEGIN_DECLS

/* Page furniture, in points. */
#define _SODO_PAGE_HEADER_GAP   10.0   /* between the header and the chart */
#define _SODO_PAGE_CROP_MARGIN  14.0   /* around the chart, for crop marks */
#define _SODO_PAGE_NATURAL_PAD  16.0   /* around a natural page's content */
#define _SODO_PAGE_MAP_HEIGHT   30.0   /* the map of the sheets in the header */
#define _SODO_PAGE_RULE_WIDTH   0.6    /* the line under the header */
/* The legend on paper, relative to its size on screen: the chart beside it is small. */
#define _SODO_PAGE_LEGEND_SCALE 0.8

typedef enum { SODO_AXIS_X, SODO_AXIS_Y } SodoAxis;

/* The cuts of a tiled pagination (sodo-pagination-tile.c). */
typedef struct _SodoTiling SodoTiling;
/* Where the chart has cards, for placing the legend (sodo-pagination-legend.c). */
typedef struct _SodoLegendProfile SodoLegendProfile;

struct _SodoPagination
{
  SodoChartScene        *scene;
  SodoPaginationOptions  options;           /* subtitle and print_date point to the copies */
  char                  *subtitle;
  char                  *print_date;

  double                 page_width;
  double                 page_height;
  /* NATURAL pages have their own padding: the printable area starts there. */
  double                 origin_x;
  double                 origin_y;

  double                 scale;
  SodoChartDetail        detail;
  SodoChartPalette       palette;
  SodoChartRect          chart;             /* the cards' bounds with room for shadows */
  SodoChartRect          canvas;            /* chart and legend */
  gboolean               has_legend;
  SodoChartRect          legend;            /* chart coordinates */
  double                 legend_width;      /* points, on paper */
  double                 legend_height;
  SodoLegendProfile     *legend_profile;    /* made when first needed */

  gboolean               multi;             /* more than one sheet: labels, crop marks */
  double                 header_height;     /* 0 when the header is empty */
  SodoChartRect          frame;             /* page coordinates */

  guint                  n_rows;
  guint                  n_columns;
  GArray                *pages;             /* SodoPaginationPage */
  SodoTiling            *tiling;            /* NULL for one sheet */
  guint                  n_cut_cards;

  /* Text of the header, in the language of the day. */
  char                  *title;
  char                  *meta;              /* "As of … · Printed …" */
  double                 title_width;       /* natural size of the title block */
  double                 title_height;
  double                 label_width;       /* size of the label block and its map */
  double                 label_height;
};

static inline double
_sodo_rect_start (const SodoChartRect *rect,
                  SodoAxis             axis)
{
  return axis == SODO_AXIS_X ? rect->x : rect->y;
}

static inline double
_sodo_rect_length (const SodoChartRect *rect,
                   SodoAxis             axis)
{
  return axis == SODO_AXIS_X ? rect->width : rect->height;
}

static inline void
_sodo_rect_set_axis (SodoChartRect *rect,
                     SodoAxis       axis,
                     double         from,
                     double         to)
{
  if (axis == SODO_AXIS_X)
    {
      rect->x = from;
      rect->width = to - from;
    }
  else
    {
      rect->y = from;
      rect->height = to - from;
    }
}

static inline gboolean
_sodo_rects_meet (const SodoChartRect *a,
                  const SodoChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* sodo-pagination-tile.c */
/* Tiles the canvas at @scale on a grid of @n_rows × @n_columns sheets, or with (0, 0) on as
 * many as filling each takes, and makes it the pagination's (pages, scale, cut cards).
 * Returns the cuts that cut some card. */
guint        _sodo_pagination_tile             (SodoPagination *self,
                                                double          scale,
                                                guint           n_rows,
                                                guint           n_columns);
/* Whether some sheet shows the card at @rect whole. */
gboolean     _sodo_pagination_card_is_whole    (SodoPagination      *self,
                                                const SodoChartRect *rect);
void         _sodo_tiling_free                 (SodoTiling     *tiling);

/* sodo-pagination-cuts.c: sorts and merges overlapping spans in place, returns how many are
 * left. */
gsize        _sodo_pagination_merge_spans      (SodoSpan       *spans,
                                                gsize           n);

/* sodo-pagination-legend.c */
/* Puts the legend at @place (0 .. 7) for @scale and makes the canvas around chart and
 * legend (just the chart without a legend). */
void         _sodo_pagination_place_legend     (SodoPagination *self,
                                                double          scale,
                                                guint           place);
/* The largest scale at which chart and legend fit @avail_w × @avail_h points, and the
 * legend's place for it. Drops the legend when the paper has no room for it. */
double       _sodo_pagination_fit_scale        (SodoPagination *self,
                                                double          avail_w,
                                                double          avail_h,
                                                guint          *place);
/* At a fixed scale, the place adding least to the canvas. */
guint        _sodo_pagination_choose_legend_place (SodoPagination *self,
                                                double          scale);
void         _sodo_legend_profile_free         (SodoLegendProfile *profile);

/* sodo-pagination-draw.c */
PangoLayout *_sodo_pagination_make_layout      (SodoPagination *self,
                                                double          size,
                                                PangoWeight     weight,
                                                const char     *text);
/* Sets title, meta and the natural sizes of the title block and the label block. */
void         _sodo_pagination_prepare_header   (SodoPagination *self);

/* One line of text of a page's header, placed (page coordinates). */
typedef struct {
  PangoLayout    *layout;
  double          x;
  double          y;
  SodoChartColor  color;
} SodoPageText;

/* The lines of text of page @index's header (an array of SodoPageText that owns them). */
GArray      *_sodo_pagination_header_texts     (SodoPagination *self,
                                                guint           index);
/* The height of the rule under the header; FALSE when there is no header. */
gboolean     _sodo_pagination_header_rule      (SodoPagination *self,
                                                double         *y);
extern const SodoChartColor _sodo_page_rule_color;

G_END_DECLS
