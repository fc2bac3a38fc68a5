/* sodo-layout-tidy.c: the tidy-tree walks, in linear time and without recursion
 *
 * This is van der Ploeg's algorithm ("Drawing non-layered tidy trees in linear time",
 * Software: Practice and Experience 44(12), 2014), which carries Walker's algorithm with the
 * improvements of Buchheim, Jünger and Leipert (threads, extreme nodes, shift/change) over to
 * nodes of any size: contours are walked by their far side (bottom) instead of by level, so
 * it serves both the rank-aligned layout (every node of a level has the same bottom) and
 * the non-layered one. Names follow the paper. Differences from it:
 *   - prelim is the near side (left) of a node's card, mod applies to the node itself and
 *     its subtree (as in the paper);
 *   - the separation adds sibling_gap between two siblings and subtree_gap between any
 *     other pair of cards (the first pair compared are the two siblings themselves);
 *   - a parent is centred between the centres of its first and last children, not between
 *     their outer sides, so that its connector stem sits in the middle of the bus;
 *   - both walks run over the breadth-first order instead of recursing: a node is handled
 *     after all its descendants (reverse order) in the first walk, and before them in the
 *     second. Separating the children of one node only touches that node's subtree, so the
 *     order across subtrees does not matter;
 *   - the shifts of the small subtrees between two big ones are added to their mod as soon
 *     as all the children of a node are separated (as Buchheim et al. do in their first
 *     walk), not in the second walk: then shift and change only need room for the children
 *     of one node. It changes nothing else: the first and last children never shift, and a
 *     subtree that shifts is never on its parent's contour (a deeper subtree on each side
 *     hides it), so no later separation or thread looks at it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-layout-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

SodoLayoutStatus
_sodo_layout_tidy_prepare (SodoLayoutWork *work)
{
  size_t m = work->n_layout;
  size_t scratch = work->max_children > 0 ? work->max_children : 1;

  /* prelim, mod, shift and change start at zero. */
  work->prelim = calloc (m, sizeof (double));
  work->mod = calloc (m, sizeof (double));
  work->msel = _sodo_layout_alloc (m, sizeof (double));
  work->mser = _sodo_layout_alloc (m, sizeof (double));
  work->thread_left = _sodo_layout_alloc (m, sizeof (uint32_t));
  work->thread_right = _sodo_layout_alloc (m, sizeof (uint32_t));
  work->extreme_left = _sodo_layout_alloc (m, sizeof (uint32_t));
  work->extreme_right = _sodo_layout_alloc (m, sizeof (uint32_t));
  work->shift = calloc (scratch, sizeof (double));
  work->change = calloc (scratch, sizeof (double));
  work->iyl_low = _sodo_layout_alloc (scratch, sizeof (double));
  work->iyl_index = _sodo_layout_alloc (scratch, sizeof (uint32_t));
  if (work->prelim == NULL || work->mod == NULL || work->msel == NULL || work->mser == NULL ||
      work->thread_left == NULL || work->thread_right == NULL ||
      work->extreme_left == NULL || work->extreme_right == NULL ||
      work->shift == NULL || work->change == NULL ||
      work->iyl_low == NULL || work->iyl_index == NULL)
    return SODO_LAYOUT_ERROR_NO_MEMORY;
  memset (work->thread_left, 0xff, m * sizeof (uint32_t));
  memset (work->thread_right, 0xff, m * sizeof (uint32_t));
  return SODO_LAYOUT_OK;
}
static inline uint32_t
next_left_contour (const SodoLayoutWork *work,
                   uint32_t              node)
{
  uint32_t first = work->child_start[node];

  return first == work->child_start[node + 1] ? work->thread_left[node] : first;
}

static inline uint32_t
next_right_contour (const SodoLayoutWork *work,
                    uint32_t              node)
{
  uint32_t end = work->child_start[node + 1];

  return work->child_start[node] == end ? work->thread_right[node] : end - 1;
}

/* Spreads the move of child @i over the children between it and @si (exclusive), so that
 * the small subtrees between two big ones are evenly spaced (see apply_shifts()). shift and
 * change are indexed from the parent's first child. */
static inline void
distribute_extra (SodoLayoutWork *work,
                  uint32_t        first,
                  uint32_t        i,
                  uint32_t        si,
                  double          dist)
{
  if (si != i - 1)
    {
      double nr = (double) (i - si);

      work->shift[si + 1 - first] += dist / nr;
      work->shift[i - first] -= dist / nr;
      work->change[i - first] -= dist - dist / nr;
    }
}

static inline void
move_subtree (SodoLayoutWork *work,
              uint32_t        first,
              uint32_t        i,
              uint32_t        si,
              double          dist)
{
  work->mod[i] += dist;
  work->msel[i] += dist;
  work->mser[i] += dist;
  distribute_extra (work, first, i, si, dist);
}

/* The paper's addChildSpacing, then clears the scratch for the next parent. */
static void
apply_shifts (SodoLayoutWork *work,
              uint32_t        first,
              uint32_t        end)
{
  double shift_sum = 0, delta = 0;

  for (uint32_t c = first; c < end; c++)
    {
      shift_sum += work->shift[c - first];
      delta += shift_sum + work->change[c - first];
      work->mod[c] += delta;
      work->shift[c - first] = work->change[c - first] = 0;
    }
}

/* Subtree @i is deeper than its left siblings: thread their extreme left node to @cl. */
static void
set_left_thread (SodoLayoutWork *work,
                 uint32_t        first,
                 uint32_t        i,
                 uint32_t        cl,
                 double          modsum_cl)
{
  uint32_t li = work->extreme_left[first];
  double diff = (modsum_cl - work->mod[cl]) - work->msel[first];

  work->thread_left[li] = cl;
  /* Keep the sum of modifiers right along the thread without moving li itself. */
  work->mod[li] += diff;
  work->prelim[li] -= diff;
  work->extreme_left[first] = work->extreme_left[i];
  work->msel[first] = work->msel[i];
}

/* The left siblings are deeper than subtree @i: thread its extreme right node to @sr. */
static void
set_right_thread (SodoLayoutWork *work,
                  uint32_t        i,
                  uint32_t        sr,
                  double          modsum_sr)
{
  uint32_t ri = work->extreme_right[i];
  double diff = (modsum_sr - work->mod[sr]) - work->mser[i];

  work->thread_right[ri] = sr;
  work->mod[ri] += diff;
  work->prelim[ri] -= diff;
  work->extreme_right[i] = work->extreme_right[i - 1];
  work->mser[i] = work->mser[i - 1];
}

/* Moves child @i (and its subtree) right until it clears its left siblings' subtrees at
 * every depth where both exist. @iyl_head is the top of the IYL stack. */
static void
separate (SodoLayoutWork *work,
          uint32_t        first,
          uint32_t        i,
          uint32_t        iyl_head)
{
  const double *bottom = work->bottom;
  uint32_t sr = i - 1, cl = i;
  double mssr = work->mod[sr], mscl = work->mod[cl];
  double gap = work->options.sibling_gap;
  uint32_t cursor = iyl_head;

  while (sr != SODO_LAYOUT_NONE && cl != SODO_LAYOUT_NONE)
    {
      double dist, sy, cy;

      /* Which left sibling's subtree sr is in now (for distribute_extra). */
      while (cursor > 0 && bottom[sr] > work->iyl_low[cursor])
        cursor--;

      dist = (mssr + work->prelim[sr] + work->breadth[sr] + gap) - (mscl + work->prelim[cl]);
      if (dist > 0)
        {
          mscl += dist;
          move_subtree (work, first, i, work->iyl_index[cursor], dist);
        }

      sy = bottom[sr];
      cy = bottom[cl];
      if (sy <= cy)
        {
          sr = next_right_contour (work, sr);
          if (sr != SODO_LAYOUT_NONE)
            mssr += work->mod[sr];
        }
      if (sy >= cy)
        {
          cl = next_left_contour (work, cl);
          if (cl != SODO_LAYOUT_NONE)
            mscl += work->mod[cl];
        }
      gap = work->options.subtree_gap;
    }

  if (sr == SODO_LAYOUT_NONE && cl != SODO_LAYOUT_NONE)
    set_left_thread (work, first, i, cl, mscl);
  else if (sr != SODO_LAYOUT_NONE && cl == SODO_LAYOUT_NONE)
    set_right_thread (work, i, sr, mssr);
}

/* The paper's updateIYL: drops the siblings hidden by the new subtree, pushes it. */
static inline uint32_t
iyl_push (SodoLayoutWork *work,
          uint32_t        size,
          double          low,
          uint32_t        index)
{
  while (size > 0 && low >= work->iyl_low[size - 1])
    size--;
  work->iyl_low[size] = low;
  work->iyl_index[size] = index;
  return size + 1;
}

static void
first_walk_node (SodoLayoutWork *work,
                 uint32_t        node)
{
  uint32_t first = work->child_start[node];
  uint32_t end = work->child_start[node + 1];
  uint32_t iyl_size;
  double first_centre, last_centre;

  if (first == end)
    {
      work->extreme_left[node] = work->extreme_right[node] = node;
      work->msel[node] = work->mser[node] = 0;
      return;
    }

  iyl_size = iyl_push (work, 0, work->bottom[work->extreme_left[first]], first);
  for (uint32_t i = first + 1; i < end; i++)
    {
      /* Read before separate() rethreads the extreme nodes. */
      double low = work->bottom[work->extreme_right[i]];

      separate (work, first, i, iyl_size - 1);
      iyl_size = iyl_push (work, iyl_size, low, i);
    }
  apply_shifts (work, first, end);

  first_centre = work->prelim[first] + work->mod[first] + work->breadth[first] / 2;
  last_centre = work->prelim[end - 1] + work->mod[end - 1] + work->breadth[end - 1] / 2;
  work->prelim[node] = (first_centre + last_centre) / 2 - work->breadth[node] / 2;

  work->extreme_left[node] = work->extreme_left[first];
  work->msel[node] = work->msel[first];
  work->extreme_right[node] = work->extreme_right[end - 1];
  work->mser[node] = work->mser[end - 1];
}

void
_sodo_layout_tidy_first_walk (SodoLayoutWork *work)
{
  for (uint32_t node = work->n_layout; node-- > 0;)
    first_walk_node (work, node);
}

/* Turns relative positions into absolute ones: afterwards prelim[i] is the u of node i. */
void
_sodo_layout_tidy_second_walk (SodoLayoutWork *work)
{
  double *mod = work->mod;
  double min_u = INFINITY, max_u = -INFINITY;

  /* mod[node] is the sum of the modifiers from the root down to node by the time node is
   * reached, because its parent came earlier in breadth-first order. */
  for (uint32_t node = 0; node < work->n_layout; node++)
    {
      double u = work->prelim[node] + mod[node];

      work->prelim[node] = u;
      if (u < min_u)
        min_u = u;
      if (u + work->breadth[node] > max_u)
        max_u = u + work->breadth[node];
      for (uint32_t c = work->child_start[node]; c < work->child_start[node + 1]; c++)
        mod[c] += mod[node];
    }
  work->min_u = min_u;
  work->max_u = max_u;
}
