/* sodo-pagination-tile.c: the grid of sheets at one scale
 *
 * The content is first cut into bands along one axis (the depth axis: between the levels,
 * which are card-free across the whole chart), then each band into sheets along the other,
 * with cuts of its own. When some cut finds no gap that way (a compact chart whose stacks do
 * not line up), the other order is tried and the one cutting fewer cards kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-pagination-private.h"

/* Slack when comparing positions computed along different paths. */
#define EPSILON 1e-6

/* The cuts of one axis: n pieces, n + 1 cuts and the extension past each. */
typedef struct {
  guint   n;
  double *cuts;
  double *extensions;
} Cuts;

struct _SodoTiling {
  SodoAxis primary;
  double   half;              /* half the overlap, chart points */
  Cuts     bands;             /* along the primary axis */
  Cuts    *pieces;            /* for each band, along the other axis */
};

static void
cuts_init (Cuts  *cuts,
           guint  n)
{
  cuts->n = n;
  cuts->cuts = g_new0 (double, n + 1);
  cuts->extensions = g_new0 (double, n + 1);
}

static void
cuts_take_arrays (Cuts   *cuts,
                  GArray *values,
                  GArray *extensions)
{
  cuts->n = values->len - 1;
  cuts->cuts = (double *) g_array_free (values, FALSE);
  cuts->extensions = (double *) g_array_free (extensions, FALSE);
}

static void
cuts_clear (Cuts *cuts)
{
  g_clear_pointer (&cuts->cuts, g_free);
  g_clear_pointer (&cuts->extensions, g_free);
}

void
_sodo_tiling_free (SodoTiling *tiling)
{
  if (tiling == NULL)
    return;
  for (guint b = 0; tiling->pieces != NULL && b < tiling->bands.n; b++)
    cuts_clear (&tiling->pieces[b]);
  g_free (tiling->pieces);
  cuts_clear (&tiling->bands);
  g_free (tiling);
}

static SodoTiling *
tiling_new (SodoAxis primary,
            double   half)
{
  SodoTiling *tiling = g_new0 (SodoTiling, 1);

  tiling->primary = primary;
  tiling->half = half;
  return tiling;
}

static SodoAxis
other_axis (SodoAxis axis)
{
  return axis == SODO_AXIS_X ? SODO_AXIS_Y : SODO_AXIS_X;
}

/* What the sheets along @axis can each hold, in chart points, when there are @n of them:
 * the frame less their shares of the overlap. */
static double *
sheet_capacities (SodoPagination *self,
                  SodoAxis        axis,
                  double          scale,
                  guint           n)
{
  double *capacity = g_new (double, n);
  double length = _sodo_rect_length (&self->frame, axis);

  for (guint i = 0; i < n; i++)
    {
      guint shared_sides = (i > 0) + (i + 1 < n);

      capacity[i] = (length - shared_sides * self->options.overlap / 2) / scale;
    }
  return capacity;
}

typedef struct {
  const SodoLayoutResult *layout;
  SodoAxis                axis;
  SodoAxis                band_axis;
  double                  band_from;
  double                  band_to;
  GArray                 *spans;
} SpanCollector;

static void
collect_card_span (uint32_t  index,
                   void     *user_data)
{
  SpanCollector *collector = user_data;
  const SodoLayoutRect *r = &collector->layout->rects[index];
  SodoChartRect rect = { r->x, r->y, r->width, r->height };
  double band_start = _sodo_rect_start (&rect, collector->band_axis);
  SodoSpan span;

  /* Only the cards inside the band: those the query finds touching it stay out. */
  if (band_start >= collector->band_to ||
      band_start + _sodo_rect_length (&rect, collector->band_axis) <= collector->band_from)
    return;
  span.from = _sodo_rect_start (&rect, collector->axis);
  span.to = span.from + _sodo_rect_length (&rect, collector->axis);
  g_array_append_val (collector->spans, span);
}

/* The obstacles for the cuts along @axis inside the band [from, to] of the other axis: the
 * cards there and the legend. */
static GArray *
band_obstacles (SodoPagination *self,
                SodoAxis        axis,
                double          from,
                double          to)
{
  SodoAxis other = axis == SODO_AXIS_X ? SODO_AXIS_Y : SODO_AXIS_X;
  SpanCollector collector = { sodo_chart_scene_get_layout (self->scene), axis, other, from, to,
                              g_array_new (FALSE, FALSE, sizeof (SodoSpan)) };
  SodoChartRect band = self->canvas;

  _sodo_rect_set_axis (&band, other, from, to);
  sodo_layout_query_rect (collector.layout, band.x, band.y, band.width, band.height,
                          collect_card_span, NULL, &collector);
  if (self->has_legend && _sodo_rects_meet (&self->legend, &band))
    {
      SodoSpan span = { _sodo_rect_start (&self->legend, axis),
                        _sodo_rect_start (&self->legend, axis) +
                        _sodo_rect_length (&self->legend, axis) };

      g_array_append_val (collector.spans, span);
    }
  return collector.spans;
}

/* Cuts along @axis over the whole canvas, inside the band [from, to] of the other axis:
 * for @n sheets, or with @n 0 for as many as filling them takes. Returns the cuts failed. */
static guint
cut_band (SodoPagination *self,
          SodoAxis        axis,
          double          scale,
          guint           n,
          double          from,
          double          to,
          Cuts           *cuts)
{
  g_autoptr(GArray) obstacles = band_obstacles (self, axis, from, to);
  double start = _sodo_rect_start (&self->canvas, axis);
  double end = start + _sodo_rect_length (&self->canvas, axis);
  double half = self->options.overlap / 2 / scale;
  g_autofree double *capacity = NULL;
  GArray *values, *extensions;
  guint n_failed;

  if (n > 0)
    {
      capacity = sheet_capacities (self, axis, scale, n);
      cuts_init (cuts, n);
      return sodo_pagination_place_cuts ((SodoSpan *) obstacles->data, obstacles->len, start,
                                         end, n, capacity, half, cuts->cuts, cuts->extensions);
    }
  values = g_array_new (FALSE, FALSE, sizeof (double));
  extensions = g_array_new (FALSE, FALSE, sizeof (double));
  n_failed = sodo_pagination_fill_cuts ((SodoSpan *) obstacles->data, obstacles->len, start,
                                        end, _sodo_rect_length (&self->frame, axis) / scale,
                                        half, SODO_PAGINATION_MAX_PAGES + 1, values,
                                        extensions);
  cuts_take_arrays (cuts, values, extensions);
  return n_failed;
}

/* The bands along the primary axis, then each band's sheets: @n_primary × @n_secondary,
 * or (0 and 0) as many as filling them takes. */
static guint
cut_all (SodoPagination *self,
         SodoTiling     *tiling,
         double          scale,
         guint           n_primary,
         guint           n_secondary)
{
  SodoAxis secondary = other_axis (tiling->primary);
  double whole_from = _sodo_rect_start (&self->canvas, secondary);
  guint n_failed;

  n_failed = cut_band (self, tiling->primary, scale, n_primary, whole_from,
                       whole_from + _sodo_rect_length (&self->canvas, secondary),
                       &tiling->bands);
  tiling->pieces = g_new0 (Cuts, tiling->bands.n);
  for (guint band = 0; band < tiling->bands.n; band++)
    n_failed += cut_band (self, secondary, scale, n_secondary, tiling->bands.cuts[band],
                          tiling->bands.cuts[band + 1], &tiling->pieces[band]);
  return n_failed;
}

/* What piece @i of @cuts shows along their axis: its part, the overlap on the sides it
 * shares, and the ends of the cards its far cut goes through. */
static void
piece_shown (const Cuts *cuts,
             double      half,
             guint       i,
             double     *from,
             double     *to)
{
  *from = cuts->cuts[i] - (i > 0 ? half : 0);
  *to = cuts->cuts[i + 1] + MAX (i + 1 < cuts->n ? half : 0, cuts->extensions[i + 1]);
}

/* A piece (the one where @from lies, or a neighbour) that shows [from, to] whole, or -1. */
static int
piece_showing (const Cuts *cuts,
               double      half,
               double      from,
               double      to)
{
  guint low = 0, high = cuts->n;

  while (high - low > 1)
    {
      guint mid = (low + high) / 2;

      if (cuts->cuts[mid] <= from)
        low = mid;
      else
        high = mid;
    }
  for (int i = MAX ((int) low - 1, 0); i <= (int) MIN (low + 1, cuts->n - 1); i++)
    {
      double shown_from, shown_to;

      piece_shown (cuts, half, i, &shown_from, &shown_to);
      if (from >= shown_from - EPSILON && to <= shown_to + EPSILON)
        return i;
    }
  return -1;
}

static gboolean
tiling_shows_whole (const SodoTiling    *tiling,
                    const SodoChartRect *rect)
{
  SodoAxis secondary = other_axis (tiling->primary);
  double p = _sodo_rect_start (rect, tiling->primary);
  double q = _sodo_rect_start (rect, secondary);
  double p_end = p + _sodo_rect_length (rect, tiling->primary);
  double q_end = q + _sodo_rect_length (rect, secondary);
  int band = piece_showing (&tiling->bands, tiling->half, p, p_end);

  /* A card shown whole by a band may be so by the band's neighbour too: try both. */
  for (int b = MAX (band - 1, 0); band >= 0 && b <= MIN (band + 1, (int) tiling->bands.n - 1);
       b++)
    {
      double from, to;

      piece_shown (&tiling->bands, tiling->half, b, &from, &to);
      if (p < from - EPSILON || p_end > to + EPSILON)
        continue;
      if (piece_showing (&tiling->pieces[b], tiling->half, q, q_end) >= 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
_sodo_pagination_card_is_whole (SodoPagination      *self,
                                const SodoChartRect *rect)
{
  return self->n_cut_cards == 0 || self->tiling == NULL ||
         tiling_shows_whole (self->tiling, rect);
}

static guint
count_cut_cards (SodoPagination   *self,
                 const SodoTiling *tiling)
{
  const SodoLayoutResult *layout = sodo_chart_scene_get_layout (self->scene);
  guint n_cut = 0;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const SodoLayoutRect *r = &layout->rects[i];
      SodoChartRect rect = { r->x, r->y, r->width, r->height };

      if (layout->visible[i] && !tiling_shows_whole (tiling, &rect))
        n_cut++;
    }
  return n_cut;
}

static void
count_one (uint32_t  index,
           void     *user_data)
{
  (*(gsize *) user_data)++;
}

/* Whether no card, connector or legend lies in the sheet's own part. */
static gboolean
sheet_is_blank (SodoPagination           *self,
                const SodoPaginationPage *page)
{
  const SodoLayoutResult *layout = sodo_chart_scene_get_layout (self->scene);
  gsize count = 0;

  sodo_layout_query_rect (layout, page->own.x, page->own.y, page->own.width, page->own.height,
                          count_one, count_one, &count);
  return count == 0 &&
         !(self->has_legend && _sodo_rects_meet (&self->legend, &page->own));
}

/* Turns the cuts into pages, row by row; in SCALE mode, sheets with nothing to show are
 * left out. */
static void
build_pages (SodoPagination   *self,
             const SodoTiling *tiling)
{
  SodoAxis primary = tiling->primary;
  SodoAxis secondary = other_axis (primary);
  guint most_pieces = 0;

  for (guint band = 0; band < tiling->bands.n; band++)
    most_pieces = MAX (most_pieces, tiling->pieces[band].n);
  self->n_rows = primary == SODO_AXIS_Y ? tiling->bands.n : most_pieces;
  self->n_columns = primary == SODO_AXIS_Y ? most_pieces : tiling->bands.n;
  g_array_set_size (self->pages, 0);

  for (guint row = 0; row < self->n_rows; row++)
    for (guint column = 0; column < self->n_columns; column++)
      {
        guint band = primary == SODO_AXIS_Y ? row : column;
        guint piece = primary == SODO_AXIS_Y ? column : row;
        const Cuts *cuts = &tiling->pieces[band];
        SodoPaginationPage page = { row, column, };
        double from, to;

        if (piece >= cuts->n)
          continue;
        _sodo_rect_set_axis (&page.own, primary, tiling->bands.cuts[band],
                             tiling->bands.cuts[band + 1]);
        _sodo_rect_set_axis (&page.own, secondary, cuts->cuts[piece], cuts->cuts[piece + 1]);
        piece_shown (&tiling->bands, tiling->half, band, &from, &to);
        _sodo_rect_set_axis (&page.shown, primary, from, to);
        piece_shown (cuts, tiling->half, piece, &from, &to);
        _sodo_rect_set_axis (&page.shown, secondary, from, to);
        page.x = self->frame.x;
        page.y = self->frame.y;

        if (self->options.mode == SODO_PAGINATION_SCALE && sheet_is_blank (self, &page))
          continue;
        g_array_append_val (self->pages, page);
      }
}

static guint
count_sheets (const SodoTiling *tiling)
{
  guint n = 0;

  for (guint band = 0; band < tiling->bands.n; band++)
    n += tiling->pieces[band].n;
  return n;
}

/* Tiles at @scale along @primary: @n_rows × @n_columns sheets, or (0, 0) as many as it
 * takes. Returns the tiling; sets the cuts that cut cards and the cards cut. */
static SodoTiling *
tile_along (SodoPagination *self,
            SodoAxis        primary,
            double          scale,
            guint           n_rows,
            guint           n_columns,
            guint          *n_failed,
            guint          *n_cut_cards)
{
  SodoTiling *tiling = tiling_new (primary, self->options.overlap / 2 / scale);

  *n_failed = cut_all (self, tiling, scale, primary == SODO_AXIS_Y ? n_rows : n_columns,
                       primary == SODO_AXIS_Y ? n_columns : n_rows);
  *n_cut_cards = *n_failed == 0 ? 0 : count_cut_cards (self, tiling);
  return tiling;
}

static void
keep (SodoPagination *self,
      SodoTiling     *tiling,
      double          scale,
      guint           n_cut_cards)
{
  self->scale = scale;
  self->n_cut_cards = n_cut_cards;
  g_clear_pointer (&self->tiling, _sodo_tiling_free);
  self->tiling = tiling;
  build_pages (self, tiling);
}

/* Levels are the clean cuts: rows in a top-down chart, columns in a left-right one, come
 * first. When some cut finds no gap that way (a compact chart whose stacks do not line up),
 * the other order may do better: the one cutting fewer cards is kept, then the one with
 * fewer sheets. */
guint
_sodo_pagination_tile (SodoPagination *self,
                       double          scale,
                       guint           n_rows,
                       guint           n_columns)
{
  const SodoLayoutResult *layout = sodo_chart_scene_get_layout (self->scene);
  SodoAxis primary = layout->orientation == SODO_LAYOUT_LEFT_RIGHT ? SODO_AXIS_X : SODO_AXIS_Y;
  SodoTiling *tiling, *other;
  guint n_failed, n_cut, n_failed_other, n_cut_other;

  tiling = tile_along (self, primary, scale, n_rows, n_columns, &n_failed, &n_cut);
  if (n_failed > 0)
    {
      other = tile_along (self, other_axis (primary), scale, n_rows, n_columns,
                          &n_failed_other, &n_cut_other);
      if (n_cut_other < n_cut ||
          (n_cut_other == n_cut && count_sheets (other) < count_sheets (tiling)))
        {
          _sodo_tiling_free (tiling);
          tiling = other;
          n_failed = n_failed_other;
          n_cut = n_cut_other;
        }
      else
        _sodo_tiling_free (other);
    }
  keep (self, tiling, scale, n_cut);
  return n_failed;
}
