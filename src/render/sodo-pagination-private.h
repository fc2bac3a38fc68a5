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
  double                 legend_width;      /* points */
  double                 legend_height;

  gboolean               multi;             /* more than one sheet: labels, crop marks */
  double                 header_height;     /* 0 when the header is empty */
  SodoChartRect          frame;             /* page coordinates */

  guint                  n_rows;
  guint                  n_columns;
  GArray                *pages;             /* SodoPaginationPage */
  guint                  n_cut_cards;

  /* Text of the header, in the language of the day. */
  char                  *title;
  char                  *meta;              /* "As of … · Printed …" */
  double                 title_width;       /* natural size of the title block */
  double                 title_height;
  double                 label_width;       /* size of the label block and its map */
  double                 label_height;
};

/* sodo-pagination-draw.c */
PangoLayout *_sodo_pagination_make_layout      (SodoPagination *self,
                                                double          size,
                                                PangoWeight     weight,
                                                const char     *text);
/* Sets title, meta and the natural sizes of the title block and the label block. */
void         _sodo_pagination_prepare_header   (SodoPagination *self);

G_END_DECLS
