/* sodo-layout-index.c: builds the spatial index behind sodo_layout_query_rect() and
 * sodo_layout_node_at() (the queries are in sodo-layout-query.c)
 *
 * A grid over the chart. With align_levels, its rows are the levels (each from the bus above
 * it to its own bus), so that a card and its tail fit in one row; otherwise rows are
 * uniform. Cells are about two average cards wide, at most about one per visible node.
 *
 * Most items are smaller than a cell and are listed once, in the cell of their near corner;
 * a query looks one cell further back to find them. The few larger ones are listed in every
 * cell they cover and reported only from the first of those that the query covers. Either
 * way nothing is reported twice and no "seen" marks are needed, so queries do not write and
 * can run in parallel.
 *
 * Connectors need care: the horizontal parts of a wide parent's connectors all lie on one
 * bus, and listing each connector along its whole length would cost O(children²) for a star.
 * So the index holds pieces, not connectors:
 *   NODE   a card, with the last segment of the connector that ends at it (a tail straight
 *          down to it, or the stub from its compact column);
 *   GROUP  a parent's stem and bus, the first two segments of all its connectors. With
 *          align_levels they are not in the grid at all: the groups of one level are in
 *          order from left to right and do not overlap, so a binary search finds them;
 *   COLUMN the shared bus of a compact column (the third segments of its connectors).
 * A connector is reported from the first of its segments that meets the query. The shared
 * pieces find their connectors by binary search: along a bus the children are in order, down
 * a column the leaves are too, so those that meet the query are a contiguous run.
 *
 * All geometry here is in the (u, v) frame of sodo-layout-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-layout-index-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

SodoLayoutStatus
_sodo_layout_index_prepare (SodoLayoutWork *work)
{
  SodoLayoutIndex *index = calloc (1, sizeof (SodoLayoutIndex));

  if (index == NULL)
    return SODO_LAYOUT_ERROR_NO_MEMORY;
  work->index = index;
  work->result->index = index;
  index->transpose = work->transpose;
  index->half_level_gap = work->options.level_gap / 2.0f;
  index->compact_indent = work->options.compact_indent;
  index->group_start = _sodo_layout_alloc ((size_t) work->n_parents + 1, sizeof (uint32_t));
  index->column_start = _sodo_layout_alloc (work->n_bus_columns, sizeof (uint32_t));
  index->column_end = _sodo_layout_alloc (work->n_bus_columns, sizeof (uint32_t));
  if (index->group_start == NULL || index->column_start == NULL || index->column_end == NULL)
    return SODO_LAYOUT_ERROR_NO_MEMORY;
  index->n_groups = work->n_parents;

  if (work->options.align_levels)
    {
      index->n_levels = work->n_levels;
      index->level_bus = _sodo_layout_alloc (work->n_levels, sizeof (float));
      index->level_group_start = _sodo_layout_alloc ((size_t) work->n_levels + 1,
                                                     sizeof (uint32_t));
      if (index->level_bus == NULL || index->level_group_start == NULL)
        return SODO_LAYOUT_ERROR_NO_MEMORY;
      index->level_group_start[0] = 0;
      /* A compact stack is as deep as many levels: with one, rows are uniform, so that a
       * stack's cards spread over many cells instead of crowding its level's. */
      index->level_rows = work->n_blocks == 0;
      for (uint32_t level = 0; level < work->n_levels; level++)
        index->level_bus[level] = (float) (work->level_top[level + 1] -
                                           work->options.level_gap / 2.0);
    }
  return SODO_LAYOUT_OK;
}

typedef struct
{
  SodoLayoutIndex        *index;
  const SodoLayoutResult *result;
  bool                    filling;  /* false: count the entries of each cell; true: store */
  uint64_t                n_entries;
  double                  margin;
} Builder;

/* Lists @item in the cells of @box. @box may be larger than the item's exact box
 * (_sodo_layout_item_box()) as long as it contains it: an item listed once, in the cell of
 * its near corner, is found by looking one cell back, and a spread item is reported from the
 * first cell that both its exact box and the query cover, which @box covers too. So boxes
 * can come from the working arrays, read in order (widened by a margin for the rounding to
 * float where they are not computed exactly), instead of from the result's cards, spread all
 * over memory. */
static inline void
add_item_box_in_rows (Builder  *builder,
                      Box       box,
                      uint32_t  item,
                      uint32_t  r0,
                      uint32_t  r1)
{
  SodoLayoutIndex *index = builder->index;
  uint32_t c0 = column_of (index, box.u0), c1 = column_of (index, box.u1);

  /* An item within one cell, or smaller than a cell, is listed once, in the cell of its near
   * corner; a query looks one column (and, with uniform rows, one row) further back to find
   * it. Only the few larger items are listed in every cell they cover. Level rows are never
   * shared. The 0.99 leaves room for rounding. */
  if ((c0 == c1 || (box.u1 - box.u0) * index->cells_per_breadth <= 0.99) &&
      (r0 == r1 ||
       (!index->level_rows && (box.v1 - box.v0) * index->cells_per_extent <= 0.99)))
    {
      size_t cell = (size_t) r0 * index->n_columns + c0;

      if (builder->filling)
        index->items[--index->cell_start[cell]] = item;
      else
        index->cell_start[cell]++;
      builder->n_entries++;
      return;
    }
  item |= ITEM_SPREAD;
  for (uint32_t row = r0; row <= r1; row++)
    for (uint32_t column = c0; column <= c1; column++)
      {
        size_t cell = (size_t) row * index->n_columns + column;

        if (builder->filling)
          index->items[--index->cell_start[cell]] = item;
        else
          index->cell_start[cell]++;
      }
  builder->n_entries += (uint64_t) (r1 - r0 + 1) * (c1 - c0 + 1);
}

static inline void
add_item_box (Builder  *builder,
              Box       box,
              uint32_t  item)
{
  add_item_box_in_rows (builder, box, item, row_of (builder->index, box.v0),
                        row_of (builder->index, box.v1));
}

static void
add_item (Builder  *builder,
          uint32_t  item)
{
  add_item_box (builder, _sodo_layout_item_box (builder->result, builder->index, item), item);
}

/* The exact box of an ordinary node (its card and its tail up to @bus_v) at position @i with
 * its near side at @v, computed as the writer and the connectors do. */
static Box
work_node_box (const SodoLayoutWork *work,
               uint32_t              i,
               double                v,
               double                bus_v)
{
  const SodoLayoutNode *node = &work->node[i];
  SodoLayoutRect rect = _sodo_layout_card_rect (work->transpose, node->prelim - work->min_u, v,
                                                node->breadth, node->extent);
  Box box = _sodo_layout_rect_box (&rect, work->transpose);

  box.v0 = MIN_OF (box.v0, bus_v);
  return box;
}

/* A stacked leaf, from where the stack puts it: its card and its stub back to the column's
 * bus, widened by the margin (the stub's end is rounded from the card's rounded corner). */
static void
add_leaf_item (const SodoLayoutWork *work,
               uint32_t              node,
               double                u,
               double                v,
               double                breadth,
               double                extent,
               bool                  first_in_column,
               void                 *data)
{
  Builder *builder = data;
  double margin = builder->margin;

  (void) first_in_column;
  u -= work->min_u;
  add_item_box (builder, (Box) { u - work->options.compact_indent - margin, v - margin,
                                 u + breadth + margin, v + extent + margin },
                MAKE_ITEM (ITEM_NODE, node));
}

/* Adds an ordinary node at level @level: with level rows, its box is almost always inside
 * the level's band, which saves the binary search. */
static void
add_node_item (Builder  *builder,
               Box       box,
               uint32_t  node,
               uint32_t  level)
{
  const SodoLayoutIndex *index = builder->index;

  if (index->level_rows && level < index->n_rows &&
      (level == 0 || box.v0 >= index->level_bus[level - 1]) &&
      (level == index->n_rows - 1 || box.v1 < index->level_bus[level]))
    add_item_box_in_rows (builder, box, MAKE_ITEM (ITEM_NODE, node), level, level);
  else
    add_item_box (builder, box, MAKE_ITEM (ITEM_NODE, node));
}

/* The same for the stem and bus of parent @i whose children start at @child_v: from the
 * parent's far side to the bus, across the parent's centre and all its children. */
static Box
work_group_box (const Builder        *builder,
                const SodoLayoutWork *work,
                uint32_t              i,
                double                parent_v,
                double                bus_v)
{
  uint32_t first = work->node[i].child_first, last = work->node[i].child_end - 1;
  double centre = work->node[i].prelim + work->node[i].breadth / 2;
  double u0 = MIN_OF (centre, work->node[first].prelim);
  double u1 = MAX_OF (centre, work->node[last].prelim + work->node[last].breadth);
  double margin = builder->margin;

  return (Box) { u0 - work->min_u - margin, parent_v + work->node[i].extent - margin,
                 u1 - work->min_u + margin, bus_v + margin };
}

/* Every item, in breadth-first order, so that consecutive items fall in nearby cells. The
 * depth coordinates follow place_cards() in sodo-layout.c. */
static void
add_all_items (Builder              *builder,
               const SodoLayoutWork *work)
{
  const SodoLayoutIndex *index = builder->index;
  const SodoLayoutResult *result = builder->result;
  uint32_t group = 0, column = 0, level = 0;
  double half_gap = work->options.level_gap / 2.0;
  Box root = work_node_box (work, 0, 0, INFINITY);
  double parent_v = 0;

  add_node_item (builder, root, work->lnode[0], 0);
  for (uint32_t i = 0; i < work->n_layout; i++)
    {
      double child_v, bus_v;

      while (i >= work->level_start[level + 1])
        level++;
      if (work->options.align_levels)
        parent_v = work->level_top[level];
      else if (i > 0)
        parent_v = work->node[i].bottom - work->options.level_gap - work->node[i].extent;
      if (work->node[i].child_first == work->node[i].child_end)
        continue;
      child_v = work->options.align_levels ? work->level_top[level + 1] : work->node[i].bottom;
      if (index->level_group_start == NULL)
        add_item_box (builder, work_group_box (builder, work, i, parent_v, child_v - half_gap),
                      MAKE_ITEM (ITEM_GROUP, group));
      group++;
      if (index->level_bus != NULL)
        bus_v = index->level_bus[level];
      else
        bus_v = _sodo_layout_bus_v (index, level,
                                    _sodo_layout_card_box (result, index->transpose,
                                                           work->lnode[i]));
      for (uint32_t c = work->node[i].child_first; c < work->node[i].child_end; c++)
        {
          uint32_t child = work->lnode[c];
          uint32_t block = child & ~_SODO_LAYOUT_BLOCK_BIT;

          if ((child & _SODO_LAYOUT_BLOCK_BIT) == 0)
            {
              add_node_item (builder, work_node_box (work, c, child_v, bus_v), child, level + 1);
              continue;
            }
          for (uint32_t s = work->block_start[block]; s < work->block_start[block + 1];
               s += work->block_rows[block])
            add_item (builder, MAKE_ITEM (ITEM_COLUMN, column++));
          _sodo_layout_compact_walk (work, block, work->node[c].prelim, child_v, add_leaf_item,
                                     builder);
        }
    }
}

/* At most about one cell per visible node, each about two average cards (with their gaps)
 * on a side; with level rows, as many columns as that allows for every level. */
static void
size_grid (SodoLayoutIndex      *index,
           const SodoLayoutWork *work)
{
  double n_visible = work->result->n_visible;
  double cell_breadth = 2 * (work->sum_breadth / n_visible + work->options.sibling_gap);
  double cell_extent = 2 * (work->sum_extent / n_visible + work->options.level_gap);
  double target = n_visible + 16;
  double ideal_columns = fmax (1, index->breadth / fmax (cell_breadth, 1));
  double ideal_rows = fmax (1, index->extent / fmax (cell_extent, 1));

  if (index->level_rows)
    {
      index->n_rows = work->n_levels;
      index->n_columns = (uint32_t) fmax (1, fmin (floor (ideal_columns),
                                                   floor (target / work->n_levels)));
      index->cells_per_breadth = index->breadth > 0 ? index->n_columns / index->breadth : 1;
      index->cells_per_extent = 0;
      return;
    }

  if (ideal_columns * ideal_rows > target)
    {
      double scale = sqrt (ideal_columns * ideal_rows / target);

      ideal_columns /= scale;
      ideal_rows /= scale;
      if (ideal_columns < 1)
        {
          ideal_rows *= ideal_columns;
          ideal_columns = 1;
        }
      if (ideal_rows < 1)
        {
          ideal_columns *= ideal_rows;
          ideal_rows = 1;
        }
    }
  index->n_columns = (uint32_t) fmin (fmax (1, floor (ideal_columns)), target);
  index->n_rows = (uint32_t) fmax (1, fmin (floor (ideal_rows), target / index->n_columns));
  index->cells_per_breadth = index->breadth > 0 ? index->n_columns / index->breadth : 1;
  index->cells_per_extent = index->extent > 0 ? index->n_rows / index->extent : 1;
}

/* The common case in one pass: with level rows and no compact stack, the cards come in
 * breadth-first order, level by level and left to right, that is in the order of their
 * cells, so the grid is filled as they are read. Returns false, to fall back on counting
 * first, when a card does not fit in one cell of its level's row. The boxes are the cards'
 * as the writer rounds them, with the tail up to the bus above. */
static bool
fill_grid_in_order (SodoLayoutIndex      *index,
                    const SodoLayoutWork *work)
{
  size_t n_cells = (size_t) index->n_columns * index->n_rows;
  size_t last_cell = 0;
  uint32_t n_items = 0, level = 0;

  index->cell_start[0] = 0;
  for (uint32_t i = 0; i < work->n_layout; i++)
    {
      const SodoLayoutNode *node = &work->node[i];
      double u0 = (float) (node->prelim - work->min_u);
      double far_v;
      uint32_t column;
      size_t cell;

      while (i >= work->level_start[level + 1])
        level++;
      far_v = (double) (float) work->level_top[level] + node->extent;
      column = column_of (index, u0);
      if ((work->lnode[i] & _SODO_LAYOUT_BLOCK_BIT) != 0 ||
          (node->breadth * index->cells_per_breadth > 0.99 &&
           column != column_of (index, u0 + node->breadth)) ||
          (level + 1 < index->n_rows && far_v >= index->level_bus[level]))
        return false;
      cell = (size_t) level * index->n_columns + column;
      if (cell < last_cell)
        return false;
      while (last_cell < cell)
        index->cell_start[++last_cell] = n_items;
      index->items[n_items++] = MAKE_ITEM (ITEM_NODE, work->lnode[i]);
    }
  while (last_cell < n_cells)
    index->cell_start[++last_cell] = n_items;
  return true;
}

SodoLayoutStatus
_sodo_layout_index_build (SodoLayoutWork *work)
{
  SodoLayoutIndex *index = work->index;
  const SodoLayoutResult *result = work->result;
  Builder builder = { index, result, false, 0, 0 };
  size_t n_cells;
  uint64_t total = 0;

  index->breadth = index->transpose ? result->bounds.height : result->bounds.width;
  index->extent = index->transpose ? result->bounds.width : result->bounds.height;
  size_grid (index, work);
  /* About four units in the last place of the largest coordinate: more than rounding to
   * float (half a unit, twice) can move any point of a card or a connector. */
  index->margin = builder.margin = 2.5e-7 * (index->breadth + index->extent) + 1e-4;
  n_cells = (size_t) index->n_columns * index->n_rows;
  if (index->level_rows && work->n_blocks == 0)
    {
      index->cell_start = _sodo_layout_alloc (n_cells + 1, sizeof (uint32_t));
      index->items = _sodo_layout_alloc (work->n_layout, sizeof (uint32_t));
      if (index->cell_start == NULL || index->items == NULL)
        return SODO_LAYOUT_ERROR_NO_MEMORY;
      if (fill_grid_in_order (index, work))
        return SODO_LAYOUT_OK;
      _sodo_layout_free (index->items);
      index->items = NULL;
      memset (index->cell_start, 0, (n_cells + 1) * sizeof (uint32_t));
    }
  else
    {
      index->cell_start = _sodo_layout_alloc0 (n_cells + 1, sizeof (uint32_t));
      if (index->cell_start == NULL)
        return SODO_LAYOUT_ERROR_NO_MEMORY;
    }

  add_all_items (&builder, work);
  if (builder.n_entries >= UINT32_MAX)
    return SODO_LAYOUT_ERROR_TOO_LARGE;
  /* Each cell_start becomes the end of its cell; filling counts down to its start. */
  for (size_t cell = 0; cell < n_cells; cell++)
    {
      total += index->cell_start[cell];
      index->cell_start[cell] = (uint32_t) total;
    }
  index->cell_start[n_cells] = (uint32_t) total;
  index->items = _sodo_layout_alloc (total, sizeof (uint32_t));
  if (index->items == NULL)
    return SODO_LAYOUT_ERROR_NO_MEMORY;
  builder.filling = true;
  add_all_items (&builder, work);
  return SODO_LAYOUT_OK;
}

void
_sodo_layout_index_free (SodoLayoutIndex *index)
{
  if (index == NULL)
    return;
  _sodo_layout_free (index->level_bus);
  _sodo_layout_free (index->level_group_start);
  _sodo_layout_free (index->cell_start);
  _sodo_layout_free (index->items);
  _sodo_layout_free (index->group_start);
  _sodo_layout_free (index->column_start);
  _sodo_layout_free (index->column_end);
  free (index);
}
