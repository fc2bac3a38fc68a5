/* sodo-pagination.h: spreading a chart over sheets of paper, and drawing each sheet
 *
 * A pagination is worked out once from a scene, the printable size of a sheet and the
 * options below; printing, PDF export, the print preview and the tests then draw its pages
 * with sodo_pagination_draw_page(). No GTK: it runs without a display.
 *
 * Modes: the whole chart shrunk onto one sheet; spread over a grid of C × R sheets; or at a
 * fixed scale on as many sheets as it takes (sheets with nothing on them are left out). A
 * fourth, natural, makes one page of exactly the size of the content (for images).
 *
 * When the chart spans several sheets, neighbouring sheets share a band of the chart (the
 * overlap), so that they can be glued together. The cut lines between sheets are moved into
 * the gaps between cards (found with the layout's spatial index), so every card is whole on
 * at least one sheet; without a gap in reach, a sheet shows the cards its cut goes through
 * to their end, and a card is cut only when no sheet has room for that. A card that a
 * sheet's edge would cut is left off that sheet: it is whole on another. In a
 * top-down chart the cuts between rows of sheets run along the gaps between levels, and
 * each row of sheets has its own cuts between columns (left-right charts: the transpose), so
 * the sheets of a row are glued into a strip first, then the strips together.
 *
 * Page coordinates are points (1/72 inch) from the top-left corner of the printable area.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "sodo-chart-renderer.h"
#include "sodo-chart-scene.h"

G_BEGIN_DECLS

#define SODO_POINTS_PER_MM (72.0 / 25.4)

/* Defaults of the print settings (the GSettings schema has the same values). */
#define SODO_PAGINATION_DEFAULT_OVERLAP_MM 10.0
/* Most sheets along one side of a grid, as the schema allows. */
#define SODO_PAGINATION_MAX_SHEETS_ACROSS  20
/* Most sheets one pagination makes; more is refused (choose a smaller scale). */
#define SODO_PAGINATION_MAX_PAGES          1000

typedef enum {
  SODO_PAGINATION_FIT_PAGE,     /* "fit-page": the whole chart on one sheet */
  SODO_PAGINATION_FIT_PAGES,    /* "fit-pages": shrunk or enlarged onto columns × rows sheets */
  SODO_PAGINATION_SCALE,        /* "scale": at a fixed scale, on as many sheets as needed */
  SODO_PAGINATION_NATURAL,      /* one page the size of the content at the scale */
} SodoPaginationMode;

/* The nick used by the print-mode setting ("fit-page", "fit-pages", "scale", "natural"). */
const char *sodo_pagination_mode_to_string   (SodoPaginationMode  mode);
gboolean    sodo_pagination_mode_from_string (const char         *str,
                                              SodoPaginationMode *mode);

typedef struct {
  SodoPaginationMode mode;
  guint              columns;        /* FIT_PAGES: 1 .. SODO_PAGINATION_MAX_SHEETS_ACROSS */
  guint              rows;
  double             scale;          /* SCALE, NATURAL: page points per chart point (1 = 100 %) */
  /* The printable area of a sheet, in points (ignored by NATURAL). */
  double             page_width;
  double             page_height;
  double             overlap;        /* points of chart printed on both of two neighbours */
  gboolean           title_block;    /* title, as-of date and print date on every sheet */
  gboolean           legend;         /* the legend of kinds, once, beside or in the chart */
  gboolean           page_labels;    /* "Row 2, column 3" and a map of the sheets */
  gboolean           crop_marks;     /* marks where the sheets are cut to be glued */
  gboolean           show_relations; /* the chart's non-tree relations */
  /* Shown under the title (the branch printed, say); NULL for none. Copied. */
  const char        *subtitle;
  /* The print date of the title block, "YYYY-MM-DD"; NULL for today. Copied. */
  const char        *print_date;
} SodoPaginationOptions;

/* Fit on one A4 portrait sheet (10 mm margins), 2 × 2 sheets, 100 %, 10 mm overlap,
 * everything on. */
void sodo_pagination_options_init (SodoPaginationOptions *options);

typedef struct {
  guint         row;        /* 0-based, top to bottom */
  guint         column;     /* 0-based, left to right */
  /* The part of the chart this sheet is responsible for, between its cut lines (chart
   * coordinates). The own parts of all sheets tile the content without overlapping. */
  SodoChartRect own;
  /* What the sheet shows: its own part, the overlap it shares with its neighbours, and the
   * rest of the cards its own part's far edges go through. */
  SodoChartRect shown;
  /* Where the top-left corner of @shown lands on the page. */
  double        x;
  double        y;
} SodoPaginationPage;

typedef struct _SodoPagination SodoPagination;

/* Works out the sheets. The scene is kept (a reference) to draw them, and must not change
 * layout meanwhile. Fails with SODO_ERROR_LIMIT when the paper is too small for anything
 * (or the overlap takes the whole sheet), or more than SODO_PAGINATION_MAX_PAGES sheets
 * would be needed; with SODO_ERROR_VALUE for options out of range. */
SodoPagination           *sodo_pagination_new            (SodoChartScene              *scene,
                                                          const SodoPaginationOptions *options,
                                                          GError                     **error);
void                      sodo_pagination_free           (SodoPagination              *self);

SodoChartScene           *sodo_pagination_get_scene      (SodoPagination              *self);
guint                     sodo_pagination_get_n_pages    (SodoPagination              *self);
const SodoPaginationPage *sodo_pagination_get_page       (SodoPagination              *self,
                                                          guint                        index);
/* The grid the pages come from (a page left out keeps its place in the grid). */
guint                     sodo_pagination_get_n_rows     (SodoPagination              *self);
guint                     sodo_pagination_get_n_columns  (SodoPagination              *self);
/* Page points per chart point. */
double                    sodo_pagination_get_scale      (SodoPagination              *self);
/* The size of each page: the printable size given, or for NATURAL the content's. */
void                      sodo_pagination_get_page_size  (SodoPagination              *self,
                                                          double                      *width,
                                                          double                      *height);
/* Everything paginated (the chart and the legend placed beside it), chart coordinates. */
void                      sodo_pagination_get_canvas     (SodoPagination              *self,
                                                          SodoChartRect               *canvas);
/* Where the legend is, in chart coordinates; FALSE when there is none. */
gboolean                  sodo_pagination_get_legend_rect (SodoPagination             *self,
                                                          SodoChartRect               *rect);
/* The chart area on each sheet (page coordinates) inside which the chart is drawn. */
void                      sodo_pagination_get_frame      (SodoPagination              *self,
                                                          SodoChartRect               *frame);
/* Cards that no sheet shows whole (0 unless no gap could be found for some cut). */
guint                     sodo_pagination_get_n_cut_cards (SodoPagination             *self);
SodoChartDetail           sodo_pagination_get_detail     (SodoPagination              *self);

/* Draws page @index on @cr, whose user space is the printable area in points: the title
 * block, the label and map of the sheets, the chart with its legend, the crop marks. The
 * page is not painted: the paper shows through. */
void                      sodo_pagination_draw_page      (SodoPagination              *self,
                                                          cairo_t                     *cr,
                                                          guint                        index);
/* Draws the whole content shrunk into @width × @height points at the origin, with the
 * outline of every sheet's own part over it and sheet @highlight (or none, G_MAXUINT)
 * filled: the map of the sheets, and the print preview's picture. */
void                      sodo_pagination_draw_map       (SodoPagination              *self,
                                                          cairo_t                     *cr,
                                                          double                       width,
                                                          double                       height,
                                                          guint                        highlight);

/* One interval of an axis, [from, to]. */
typedef struct {
  double from;
  double to;
} SodoSpan;

/* The core of the tiler, pure: places the cut lines of one axis. @obstacles (any order;
 * sorted in place) are the spans the cuts should not fall strictly inside. The extent
 * [@start, @end] is split into @n_sheets pieces, piece i at most @capacity[i] long,
 * sharing the part the obstacles cover as evenly as the gaps allow; @cuts receives n_sheets + 1 values, cuts[0] = start and
 * cuts[n_sheets] = end. When no gap lies within reach of a cut, the cut may go through
 * obstacles that the piece before it can still show whole: @extensions[i] (n_sheets + 1
 * values) is then how far past cut i that piece must show, which it may do in place of the
 * @half_overlap it would show past the cut anyway and within its capacity; 0 for a cut in a
 * gap. A cut that can do neither goes where an even split puts it. Returns the number of
 * such cuts (0 when every obstacle is whole in some piece). The capacities must add up to
 * at least end - start. */
guint                     sodo_pagination_place_cuts     (SodoSpan                    *obstacles,
                                                          gsize                        n_obstacles,
                                                          double                       start,
                                                          double                       end,
                                                          guint                        n_sheets,
                                                          const double                *capacity,
                                                          double                       half_overlap,
                                                          double                      *cuts,
                                                          double                      *extensions);

/* The same, filling each piece in turn as far as the gaps allow, for as many pieces as it
 * takes (at most @max_sheets; the last then holds what is left): the cuts of a fixed scale.
 * A piece shows @length, less @half_overlap on each side it shares. @cuts and @extensions
 * (arrays of double) receive n + 1 values for n pieces. */
guint                     sodo_pagination_fill_cuts      (SodoSpan                    *obstacles,
                                                          gsize                        n_obstacles,
                                                          double                       start,
                                                          double                       end,
                                                          double                       length,
                                                          double                       half_overlap,
                                                          guint                        max_sheets,
                                                          GArray                      *cuts,
                                                          GArray                      *extensions);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SodoPagination, sodo_pagination_free)

G_END_DECLS
