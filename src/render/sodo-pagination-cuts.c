/* sodo-pagination-cuts.c: where the cut lines between sheets go
 *
 * Each cut is moved from where an even split puts it into the nearest gap between the
 * obstacles (cards, the legend) that a sheet can still reach: no sheet may hold more than
 * its capacity, and the sheets after a cut must still hold the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "sodo-pagination-private.h"

/* A cut stays this far (chart points) from the cards on either side when the gap allows. */
#define CUT_INSET           8.0
/* A sheet keeps at least this share of its capacity when a cut moves back into a gap, so
 * that no sheet of a grid comes out nearly empty. */
#define MIN_SHEET_FILL      0.2

static int
compare_spans (const void *a,
               const void *b)
{
  const SodoSpan *sa = a, *sb = b;

  if (sa->from != sb->from)
    return sa->from < sb->from ? -1 : 1;
  return sa->to < sb->to ? -1 : sa->to > sb->to;
}

/* Sorts and merges overlapping spans in place (spans that only touch stay apart: a cut
 * between them cuts neither); returns how many are left. */
gsize
_sodo_pagination_merge_spans (SodoSpan *spans,
                              gsize     n)
{
  gsize out = 0;

  if (n == 0)
    return 0;
  qsort (spans, n, sizeof (SodoSpan), compare_spans);
  for (gsize i = 1; i < n; i++)
    {
      if (spans[i].from < spans[out].to)
        spans[out].to = MAX (spans[out].to, spans[i].to);
      else
        spans[++out] = spans[i];
    }
  return out + 1;
}

/* Distance from @target to [from, to]. */
static double
distance_to (double target,
             double from,
             double to)
{
  return target < from ? from - target : target > to ? target - to : 0;
}

/* The gaps between the merged @spans inside [start, end]. */
static GArray *
collect_gaps (const SodoSpan *spans,
              gsize           n,
              double          start,
              double          end)
{
  GArray *gaps = g_array_sized_new (FALSE, FALSE, sizeof (SodoSpan), n + 1);
  double from = start;

  for (gsize i = 0; i <= n; i++)
    {
      double to = i < n ? spans[i].from : end;

      if (to >= from && to >= start && from <= end)
        {
          SodoSpan gap = { MAX (from, start), MIN (to, end) };

          g_array_append_val (gaps, gap);
        }
      if (i < n)
        from = MAX (from, spans[i].to);
    }
  return gaps;
}

/* Index of the first gap that ends at or after @value. */
static guint
first_gap_from (GArray *gaps,
                double  value)
{
  guint low = 0, high = gaps->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (gaps, SodoSpan, mid).to < value)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* The point of a gap inside [lo, hi] nearest @target, kept CUT_INSET off the cards when the
 * gap is wide enough. FALSE when no gap meets [lo, hi]. */
static gboolean
find_cut_in_gap (GArray *gaps,
                 double  target,
                 double  lo,
                 double  hi,
                 double *cut)
{
  guint start = first_gap_from (gaps, target);
  double best = G_MAXDOUBLE;
  gboolean found = FALSE;

  /* Outwards from the gap at the target, while a gap can still be nearer than the best. */
  for (guint step = 0; ; step++)
    {
      gboolean any = FALSE;

      for (int side = 0; side < 2; side++)
        {
          gint64 index = side == 0 ? (gint64) start + step : (gint64) start - 1 - step;
          const SodoSpan *gap;
          double u, v, inset, d;

          if (index < 0 || index >= gaps->len)
            continue;
          gap = &g_array_index (gaps, SodoSpan, index);
          if (distance_to (target, gap->from, gap->to) > best)
            continue;
          any = TRUE;
          u = MAX (gap->from, lo);
          v = MIN (gap->to, hi);
          if (u > v)
            continue;
          d = distance_to (target, u, v);
          if (d < best)
            {
              best = d;
              inset = MIN (CUT_INSET, (v - u) / 2);
              *cut = CLAMP (target, u + inset, v - inset);
              found = TRUE;
            }
        }
      if (!any)
        break;
    }
  return found;
}

guint
sodo_pagination_place_cuts (SodoSpan     *obstacles,
                            gsize         n_obstacles,
                            double        start,
                            double        end,
                            guint         n_sheets,
                            const double *capacity,
                            double       *cuts)
{
  g_autoptr(GArray) gaps = NULL;
  g_autofree double *remaining = NULL;
  guint n_failed = 0;
  gsize n_merged;

  g_return_val_if_fail (n_obstacles == 0 || obstacles != NULL, 0);
  g_return_val_if_fail (n_sheets >= 1 && capacity != NULL && cuts != NULL, 0);

  n_merged = _sodo_pagination_merge_spans (obstacles, n_obstacles);
  gaps = collect_gaps (obstacles, n_merged, start, end);

  /* remaining[i]: what sheets i .. n - 1 can hold together. */
  remaining = g_new0 (double, n_sheets + 1);
  for (guint i = n_sheets; i-- > 0; )
    remaining[i] = remaining[i + 1] + capacity[i];

  cuts[0] = start;
  for (guint i = 0; i + 1 < n_sheets; i++)
    {
      double target = start + (end - start) * (i + 1) / n_sheets;
      double must = end - remaining[i + 1];     /* the rest has to fit after the cut */
      double hi = MIN (cuts[i] + capacity[i], end);
      double lo = MAX (cuts[i] + MIN_SHEET_FILL * capacity[i], must);
      double cut;

      if (lo > hi)
        lo = MAX (cuts[i], must);
      if (lo > hi)
        hi = lo;
      if (!find_cut_in_gap (gaps, target, lo, hi, &cut))
        {
          cut = CLAMP (target, lo, hi);
          n_failed++;
        }
      cuts[i + 1] = cut;
    }
  cuts[n_sheets] = end;
  return n_failed;
}
