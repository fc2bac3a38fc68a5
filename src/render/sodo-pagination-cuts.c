/* sodo-pagination-cuts.c: where the cut lines between sheets go
 *
 * Each cut is moved from where an even split puts it into the nearest gap between the
 * obstacles (cards, the legend) that a sheet can still reach: no sheet may hold more than
 * its capacity, and the sheets after a cut must still hold the rest. Without a gap in
 * reach, a cut may still go through cards if the sheet before it has room to show them
 * whole (an extension past the cut); only when it has not does a card get cut.
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

/* The spans sorted by start, with the running maximum of their ends: the furthest any
 * span starting before a point reaches, which is the point itself in a gap. */
typedef struct {
  const SodoSpan *spans;
  gsize           n;
  double         *reach;
} Reach;

/* How many spans start strictly before @x. */
static gsize
spans_before (const Reach *r,
              double       x)
{
  gsize low = 0, high = r->n;

  while (low < high)
    {
      gsize mid = low + (high - low) / 2;

      if (r->spans[mid].from < x)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* The end of the spans a cut at @x goes through (@x itself in a gap). */
static double
reach_at (const Reach *r,
          double       x)
{
  gsize before = spans_before (r, x);

  return before > 0 ? MAX (x, r->reach[before - 1]) : x;
}

/* The largest x such that every span a cut at x goes through ends by @limit. */
static double
last_cut_reaching (const Reach *r,
                   double       limit)
{
  gsize low = 0, high = r->n;

  /* reach[] grows: the first span whose running end passes the limit. */
  while (low < high)
    {
      gsize mid = low + (high - low) / 2;

      if (r->reach[mid] <= limit)
        low = mid + 1;
      else
        high = mid;
    }
  return low < r->n ? r->spans[low].from : G_MAXDOUBLE;
}

/* The obstacles of one axis, ready to place cuts among them. */
typedef struct {
  Reach   reach;
  GArray *gaps;
} Obstacles;

static void
obstacles_init (Obstacles *o,
                SodoSpan  *spans,
                gsize      n_spans,
                double     start,
                double     end)
{
  g_autofree SodoSpan *merged = NULL;
  gsize n_merged;

  if (n_spans > 0)
    qsort (spans, n_spans, sizeof (SodoSpan), compare_spans);
  o->reach.spans = spans;
  o->reach.n = n_spans;
  o->reach.reach = g_new (double, MAX (n_spans, 1));
  for (gsize i = 0; i < n_spans; i++)
    o->reach.reach[i] = i > 0 ? MAX (o->reach.reach[i - 1], spans[i].to) : spans[i].to;
  merged = g_memdup2 (spans, MAX (n_spans, 1) * sizeof (SodoSpan));
  n_merged = _sodo_pagination_merge_spans (merged, n_spans);
  o->gaps = collect_gaps (merged, n_merged, start, end);
}

static void
obstacles_clear (Obstacles *o)
{
  g_clear_pointer (&o->reach.reach, g_free);
  g_clear_pointer (&o->gaps, g_array_unref);
}

/* The cut after a piece starting at @from that may end in [lo, hi] and show, in all, up to
 * @limit: in the gap nearest @target; else through cards the piece can show whole (setting
 * *extension); else, cutting them, where @target is. Returns FALSE in that last case. */
static gboolean
choose_cut (const Obstacles *o,
            double           target,
            double           lo,
            double           hi,
            double           limit,
            double          *cut,
            double          *extension)
{
  double through;

  *extension = 0;
  if (find_cut_in_gap (o->gaps, target, lo, hi, cut))
    return TRUE;
  /* No gap within reach. A cut through cards still leaves them whole if the piece before it
   * can show them to their end, in place of its share of the overlap. */
  through = MIN (hi, last_cut_reaching (&o->reach, limit));
  if (through >= lo)
    {
      *cut = CLAMP (target, lo, through);
      *extension = reach_at (&o->reach, *cut) - *cut;
      return TRUE;
    }
  *cut = CLAMP (target, lo, hi);
  return FALSE;
}

guint
sodo_pagination_place_cuts (SodoSpan     *obstacles,
                            gsize         n_obstacles,
                            double        start,
                            double        end,
                            guint         n_sheets,
                            const double *capacity,
                            double        half_overlap,
                            double       *cuts,
                            double       *extensions)
{
  g_autofree double *remaining = NULL;
  double content_start = start, content_end = end;
  Obstacles o;
  guint n_failed = 0;

  g_return_val_if_fail (n_obstacles == 0 || obstacles != NULL, 0);
  g_return_val_if_fail (n_sheets >= 1 && capacity != NULL && cuts != NULL, 0);
  g_return_val_if_fail (extensions != NULL, 0);

  obstacles_init (&o, obstacles, n_obstacles, start, end);
  /* The even split is of what is there, not of the empty ends: a band of a chart whose
   * cards fill only its lower half shares those cards between its sheets. */
  if (n_obstacles > 0)
    {
      content_start = CLAMP (obstacles[0].from, start, end);
      content_end = CLAMP (o.reach.reach[n_obstacles - 1], content_start, end);
    }
  /* remaining[i]: what sheets i .. n - 1 can hold together. */
  remaining = g_new0 (double, n_sheets + 1);
  for (guint i = n_sheets; i-- > 0; )
    remaining[i] = remaining[i + 1] + capacity[i];

  cuts[0] = start;
  extensions[0] = 0;
  for (guint i = 0; i + 1 < n_sheets; i++)
    {
      double target = content_start + (content_end - content_start) * (i + 1) / n_sheets;
      double must = end - remaining[i + 1];     /* the rest has to fit after the cut */
      double hi = MIN (cuts[i] + capacity[i], end);
      double lo = MAX (cuts[i] + MIN_SHEET_FILL * capacity[i], must);

      if (lo > hi)
        lo = MAX (cuts[i], must);
      if (lo > hi)
        hi = lo;
      if (!choose_cut (&o, target, lo, hi, cuts[i] + capacity[i] + half_overlap, &cuts[i + 1],
                       &extensions[i + 1]))
        n_failed++;
    }
  cuts[n_sheets] = end;
  extensions[n_sheets] = 0;
  obstacles_clear (&o);
  return n_failed;
}

guint
sodo_pagination_fill_cuts (SodoSpan *obstacles,
                           gsize     n_obstacles,
                           double    start,
                           double    end,
                           double    length,
                           double    half_overlap,
                           guint     max_sheets,
                           GArray   *cuts,
                           GArray   *extensions)
{
  Obstacles o;
  guint n_failed = 0;
  double zero = 0;

  g_return_val_if_fail (n_obstacles == 0 || obstacles != NULL, 0);
  g_return_val_if_fail (length > 2 * half_overlap && max_sheets >= 1, 0);
  g_return_val_if_fail (cuts != NULL && extensions != NULL, 0);

  obstacles_init (&o, obstacles, n_obstacles, start, end);
  g_array_set_size (cuts, 0);
  g_array_set_size (extensions, 0);
  g_array_append_val (cuts, start);
  g_array_append_val (extensions, zero);
  for (guint i = 0; i + 1 < max_sheets; i++)
    {
      double from = g_array_index (cuts, double, i);
      double before = i > 0 ? half_overlap : 0;
      double capacity = length - before - half_overlap;
      double cut, extension;

      /* What is left fits on this sheet as the last. */
      if (end - from <= length - before)
        break;
      if (!choose_cut (&o, from + capacity, from + MIN_SHEET_FILL * capacity, from + capacity,
                       from + capacity + half_overlap, &cut, &extension))
        n_failed++;
      g_array_append_val (cuts, cut);
      g_array_append_val (extensions, extension);
    }
  g_array_append_val (cuts, end);
  g_array_append_val (extensions, zero);
  obstacles_clear (&o);
  return n_failed;
}
