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
 *   - neither walk recurses: the first handles a node after all its descendants, in
 *     post-order with a stack of one node per level, the second before them, in breadth-first
 *     order. Separating the children of one node only touches that node's subtree, so the
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

#define MSEL(work, i) ((work)->extreme_sums[2 * (size_t) (i)])
#define MSER(work, i) ((work)->extreme_sums[2 * (size_t) (i) + 1])
#define EXTREME_LEFT(work, i) ((work)->extremes[(i)].parent)
#define EXTREME_RIGHT(work, i) ((work)->extremes[(i)].child)
/* The bottoms of the extreme nodes, kept beside them: reading them through the nodes was a
 * cache miss per child, the extreme node being anywhere deep in the subtree. */
#define LOW_LEFT(work, i) ((work)->extreme_lows[2 * (size_t) (i)])
#define LOW_RIGHT(work, i) ((work)->extreme_lows[2 * (size_t) (i) + 1])

SodoLayoutStatus
_sodo_layout_tidy_prepare (SodoLayoutWork *work)
{
  size_t scratch = work->max_children > 0 ? work->max_children : 1;

  /* Scratch in result arrays that the cards and connectors fill later: rects has n_nodes
   * entries of 16 bytes (a pair of doubles each), edges at least n_layout (see
   * sodo-layout.c). Allocated memory takes the type of what is stored in it. */
  work->extreme_sums = (double *) (void *) work->rects;
  work->extremes = work->edges;
  /* shift and change start at zero (prelim, mod and the threads are set up by the
   * breadth-first pass). */
  work->shift = _sodo_layout_alloc0 (scratch, sizeof (double));
  work->change = _sodo_layout_alloc0 (scratch, sizeof (double));
  work->iyl_low = _sodo_layout_alloc (scratch, sizeof (double));
  work->iyl_index = _sodo_layout_alloc (scratch, sizeof (uint32_t));
  work->extreme_lows = _sodo_layout_alloc ((size_t) work->n_layout * 2, sizeof (double));
  work->walk_stack = _sodo_layout_alloc ((size_t) work->n_levels * 2, sizeof (uint32_t));
  if (work->shift == NULL || work->change == NULL || work->extreme_lows == NULL ||
      work->walk_stack == NULL ||
      work->iyl_low == NULL || work->iyl_index == NULL)
    return SODO_LAYOUT_ERROR_NO_MEMORY;
  return SODO_LAYOUT_OK;
}

/* The scratch in the result's cards is given back zeroed, as invisible cards must be. When
 * every node is visible, every card is written later anyway. */
void
_sodo_layout_tidy_release (SodoLayoutWork *work)
{
  if (work->result->n_visible < work->n_nodes)
    memset (work->rects, 0, (size_t) work->n_layout * sizeof (SodoLayoutRect));
  work->extreme_sums = NULL;
  work->extremes = NULL;
  _sodo_layout_free (work->extreme_lows);
  work->extreme_lows = NULL;
  _sodo_layout_free (work->walk_stack);
  work->walk_stack = NULL;
}

static inline uint32_t
next_left_contour (const SodoLayoutNode *node)
{
  return node->child_first == node->child_end ? node->thread_left : node->child_first;
}

static inline uint32_t
next_right_contour (const SodoLayoutNode *node)
{
  return node->child_first == node->child_end ? node->thread_right : node->child_end - 1;
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
  work->node[i].mod += dist;
  MSEL (work, i) += dist;
  MSER (work, i) += dist;
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
      work->node[c].mod += delta;
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
  uint32_t li = EXTREME_LEFT (work, first);
  double diff = (modsum_cl - work->node[cl].mod) - MSEL (work, first);

  work->node[li].thread_left = cl;
  /* Keep the sum of modifiers right along the thread without moving li itself. */
  work->node[li].mod += diff;
  work->node[li].prelim -= diff;
  EXTREME_LEFT (work, first) = EXTREME_LEFT (work, i);
  LOW_LEFT (work, first) = LOW_LEFT (work, i);
  MSEL (work, first) = MSEL (work, i);
}

/* The left siblings are deeper than subtree @i: thread its extreme right node to @sr. */
static void
set_right_thread (SodoLayoutWork *work,
                  uint32_t        i,
                  uint32_t        sr,
                  double          modsum_sr)
{
  uint32_t ri = EXTREME_RIGHT (work, i);
  double diff = (modsum_sr - work->node[sr].mod) - MSER (work, i);

  work->node[ri].thread_right = sr;
  work->node[ri].mod += diff;
  work->node[ri].prelim -= diff;
  EXTREME_RIGHT (work, i) = EXTREME_RIGHT (work, i - 1);
  LOW_RIGHT (work, i) = LOW_RIGHT (work, i - 1);
  MSER (work, i) = MSER (work, i - 1);
}

/* Moves child @i (and its subtree) right until it clears its left siblings' subtrees at
 * every depth where both exist. @iyl_head is the top of the IYL stack. */
static void
separate (SodoLayoutWork *work,
          uint32_t        first,
          uint32_t        i,
          uint32_t        iyl_head)
{
  SodoLayoutNode *nodes = work->node;
  uint32_t sr = i - 1, cl = i;
  double mssr = nodes[sr].mod, mscl = nodes[cl].mod;
  double gap = work->options.sibling_gap;
  uint32_t cursor = iyl_head;

  while (sr != SODO_LAYOUT_NONE && cl != SODO_LAYOUT_NONE)
    {
      const SodoLayoutNode *right = &nodes[sr], *left = &nodes[cl];
      double dist;

      /* Which left sibling's subtree sr is in now (for distribute_extra). */
      while (cursor > 0 && right->bottom > work->iyl_low[cursor])
        cursor--;

      dist = (mssr + right->prelim + right->breadth + gap) - (mscl + left->prelim);
      if (dist > 0)
        {
          mscl += dist;
          move_subtree (work, first, i, work->iyl_index[cursor], dist);
        }

      if (right->bottom <= left->bottom)
        {
          sr = next_right_contour (right);
          if (sr != SODO_LAYOUT_NONE)
            mssr += nodes[sr].mod;
        }
      if (right->bottom >= left->bottom)
        {
          cl = next_left_contour (left);
          if (cl != SODO_LAYOUT_NONE)
            mscl += nodes[cl].mod;
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
  SodoLayoutNode *nodes = work->node;
  uint32_t first = nodes[node].child_first;
  uint32_t end = nodes[node].child_end;
  uint32_t iyl_size;
  double first_centre, last_centre;

  if (first == end)
    {
      EXTREME_LEFT (work, node) = EXTREME_RIGHT (work, node) = node;
      LOW_LEFT (work, node) = LOW_RIGHT (work, node) = nodes[node].bottom;
      MSEL (work, node) = MSER (work, node) = 0;
      return;
    }

  iyl_size = iyl_push (work, 0, LOW_LEFT (work, first), first);
  for (uint32_t i = first + 1; i < end; i++)
    {
      /* Read before separate() rethreads the extreme nodes. */
      double low = LOW_RIGHT (work, i);

      separate (work, first, i, iyl_size - 1);
      iyl_size = iyl_push (work, iyl_size, low, i);
    }
  apply_shifts (work, first, end);

  first_centre = nodes[first].prelim + nodes[first].mod + nodes[first].breadth / 2;
  last_centre = nodes[end - 1].prelim + nodes[end - 1].mod + nodes[end - 1].breadth / 2;
  nodes[node].prelim = (first_centre + last_centre) / 2 - nodes[node].breadth / 2;

  EXTREME_LEFT (work, node) = EXTREME_LEFT (work, first);
  LOW_LEFT (work, node) = LOW_LEFT (work, first);
  MSEL (work, node) = MSEL (work, first);
  EXTREME_RIGHT (work, node) = EXTREME_RIGHT (work, end - 1);
  LOW_RIGHT (work, node) = LOW_RIGHT (work, end - 1);
  MSER (work, node) = MSER (work, end - 1);
}

/* Every node after its descendants, in depth-first post-order: a node's children and the
 * contours of their subtrees were handled moments before, and are still in the cache. (In
 * reverse breadth-first order, which also puts descendants first, a whole level comes
 * between a node and its children: at a million nodes every contour step missed the cache,
 * and the walk took twice as long.) The stack holds one node per level. */
void
_sodo_layout_tidy_first_walk (SodoLayoutWork *work)
{
  const SodoLayoutNode *nodes = work->node;
  uint32_t *stack = work->walk_stack;   /* pairs: a node, its next child to visit */
  uint32_t depth = 1;

  stack[0] = 0;
  stack[1] = nodes[0].child_first;
  while (depth > 0)
    {
      uint32_t *top = &stack[2 * (size_t) (depth - 1)];

      if (top[1] < nodes[top[0]].child_end)
        {
          uint32_t child = top[1]++;

          if (nodes[child].child_first == nodes[child].child_end)
            first_walk_node (work, child);
          else
            {
              top[2] = child;
              top[3] = nodes[child].child_first;
              depth++;
            }
        }
      else
        {
          first_walk_node (work, top[0]);
          depth--;
        }
    }
}

/* Turns relative positions into absolute ones: afterwards prelim[i] is the u of node i. */
void
_sodo_layout_tidy_second_walk (SodoLayoutWork *work)
{
  SodoLayoutNode *nodes = work->node;
  double min_u = INFINITY, max_u = -INFINITY;

  /* A node's mod is the sum of the modifiers from the root down to it by the time it is
   * reached, because its parent came earlier in breadth-first order. */
  for (uint32_t i = 0; i < work->n_layout; i++)
    {
      SodoLayoutNode *node = &nodes[i];
      double u = node->prelim + node->mod;

      node->prelim = u;
      if (u < min_u)
        min_u = u;
      if (u + node->breadth > max_u)
        max_u = u + node->breadth;
      for (uint32_t c = node->child_first; c < node->child_end; c++)
        nodes[c].mod += node->mod;
    }
  work->min_u = min_u;
  work->max_u = max_u;
}
