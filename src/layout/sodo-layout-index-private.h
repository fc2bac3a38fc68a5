/* sodo-layout-index-private.h: what the spatial index's builder and its queries share
 *
 * The grid's entries, the cells of a point, and boxes in the (u, v) frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sodo-layout-private.h"

enum
{
  ITEM_NODE,
  ITEM_GROUP,
  ITEM_COLUMN,
};

/* An entry of the grid: the item's index, its kind, and whether it is spread over every cell
 * it covers (else it is only in the cell of its near corner: see sodo-layout-index.c). */
#define ITEM_KIND_MASK 3u
#define ITEM_SPREAD 4u
#define ITEM_ID_SHIFT 3u
#define MAKE_ITEM(kind, index) (((uint32_t) (index) << ITEM_ID_SHIFT) | (kind))

/* fmin() and fmax() are library calls (they order NaNs); nothing here is NaN. */
#define MIN_OF(a, b) ((a) < (b) ? (a) : (b))
#define MAX_OF(a, b) ((a) > (b) ? (a) : (b))

typedef SodoLayoutBox Box;

static inline Box
union_box (Box a,
           Box b)
{
  return (Box) { MIN_OF (a.u0, b.u0), MIN_OF (a.v0, b.v0), MAX_OF (a.u1, b.u1),
                 MAX_OF (a.v1, b.v1) };
}

static inline bool
boxes_meet (Box a,
            Box b)
{
  return a.u0 <= b.u1 && b.u0 <= a.u1 && a.v0 <= b.v1 && b.v0 <= a.v1;
}

/* Grid cells. */

/* Cell number @scaled (a coordinate times cells per unit), clamped to [0, n - 1]. For a
 * positive value the conversion truncates, which is floor(). */
static inline uint32_t
cell_of (double   scaled,
         uint32_t n)
{
  if (!(scaled > 0))
    return 0;
  return scaled >= n ? n - 1 : (uint32_t) scaled;
}

static inline uint32_t
column_of (const SodoLayoutIndex *index,
           double                 u)
{
  return cell_of (u * index->cells_per_breadth, index->n_columns);
}

/* With level rows: the number of levels whose bus is at or above @v (before the last). */
static inline uint32_t
level_row_of (const SodoLayoutIndex *index,
              double                 v)
{
  uint32_t low = 0, high = index->n_rows - 1;

  while (low < high)
    {
      uint32_t middle = low + (high - low) / 2;

      if (index->level_bus[middle] <= v)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static inline uint32_t
row_of (const SodoLayoutIndex *index,
        double                 v)
{
  if (index->level_rows)
    return level_row_of (index, v);
  return cell_of (v * index->cells_per_extent, index->n_rows);
}

/* sodo-layout-query.c: the exact box of a grid item (what a query tests). */
Box _sodo_layout_item_box (const SodoLayoutResult *result,
                           const SodoLayoutIndex  *index,
                           uint32_t                item);
