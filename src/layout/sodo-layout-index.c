/* sodo-layout-index.c: the spatial index behind sodo_layout_query_rect() and
 * sodo_layout_node_at()
 *
 * A uniform grid over the chart, sized so that a cell holds about one card and the grid has
 * at most about two cells per visible node. Each item is listed in every cell it covers and
 * reported only from the first of those cells that the query covers, so nothing is reported
 * twice and no "seen" marks are needed (queries do not write, so they can run in parallel).
 *
 * Connectors need care: the horizontal parts of a wide parent's connectors all lie on one
 * bus, and listing each connector along its whole length would cost O(children²) for a star.
 * So the grid lists pieces, not connectors:
 *   NODE   a card, with the last segment of the connector that ends at it (a tail straight
 *          down to it, or the stub from its compact column);
 *   GROUP  a parent's stem and bus, the first two segments of all its connectors;
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

#include "sodo-layout-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum
{
  ITEM_NODE,
  ITEM_GROUP,
  ITEM_COLUMN,
};

/* An entry of the grid: the item's index, its kind, and whether it is spread over every cell
 * it covers (else it is only in the cell of its near corner: see add_item_box_in_rows()). */
#define ITEM_KIND_MASK 3u
#define ITEM_SPREAD 4u
#define ITEM_ID_SHIFT 3u
#define MAKE_ITEM(kind, index) (((uint32_t) (index) << ITEM_ID_SHIFT) | (kind))

/* fmin() and fmax() are library calls (they order NaNs); nothing here is NaN. */
#define MIN_OF(a, b) ((a) < (b) ? (a) : (b))
#define MAX_OF(a, b) ((a) > (b) ? (a) : (b))

typedef SodoLayoutBox Box;

typedef struct
{
  const SodoLayoutResult *result;
  const SodoLayoutIndex  *index;
  Box                     query;
  uint32_t                column_min, row_min;
  SodoLayoutVisitFunc     node_func;
  SodoLayoutVisitFunc     edge_func;
  void                   *user_data;
  size_t                  n_found;
} Query;

/* Geometry in the (u, v) frame. */

static inline Box
union_box (Box a,
           Box b)
{
  return (Box) { MIN_OF (a.u0, b.u0), MIN_OF (a.v0, b.v0), MAX_OF (a.u1, b.u1),
                 MAX_OF (a.v1, b.v1) };
}

/* Segment @k (from point k to point k + 1) of @edge. */
static inline Box
segment_box (const SodoLayoutResult *result,
             uint32_t                edge,
             uint32_t                k)
{
  double u[SODO_LAYOUT_EDGE_MAX_POINTS], v[SODO_LAYOUT_EDGE_MAX_POINTS];

  _sodo_layout_edge_points_uv (result, edge, u, v);
  return (Box) { MIN_OF (u[k], u[k + 1]), MIN_OF (v[k], v[k + 1]),
                 MAX_OF (u[k], u[k + 1]), MAX_OF (v[k], v[k + 1]) };
}

/* The last segment of @edge: the only one no other connector shares. */
static inline Box
own_segment_box (const SodoLayoutResult *result,
                 uint32_t                edge)
{
  double u[SODO_LAYOUT_EDGE_MAX_POINTS], v[SODO_LAYOUT_EDGE_MAX_POINTS];
  uint32_t k = _sodo_layout_edge_points_uv (result, edge, u, v) - 2;

  return (Box) { MIN_OF (u[k], u[k + 1]), MIN_OF (v[k], v[k + 1]),
                 MAX_OF (u[k], u[k + 1]), MAX_OF (v[k], v[k + 1]) };
}

/* The u where @edge leaves the bus (its third point), and the v of its fourth point. */
static inline double
bus_target_u (const SodoLayoutResult *result,
              uint32_t                edge)
{
  double u[SODO_LAYOUT_EDGE_MAX_POINTS], v[SODO_LAYOUT_EDGE_MAX_POINTS];

  _sodo_layout_edge_points_uv (result, edge, u, v);
  return u[2];
}

static inline double
fourth_point_v (const SodoLayoutResult *result,
                uint32_t                edge)
{
  double u[SODO_LAYOUT_EDGE_MAX_POINTS], v[SODO_LAYOUT_EDGE_MAX_POINTS];

  _sodo_layout_edge_points_uv (result, edge, u, v);
  return v[3];
}

/* The union of the second segments (along the bus) of a group's connectors. */
static Box
group_bus_box (const SodoLayoutResult *result,
               const SodoLayoutIndex  *index,
               uint32_t                group)
{
  uint32_t first = index->group_start[group];
  uint32_t last = index->group_start[group + 1] - 1;

  return union_box (segment_box (result, first, 1), segment_box (result, last, 1));
}

static Box
column_box (const SodoLayoutResult *result,
            const SodoLayoutIndex  *index,
            uint32_t                column)
{
  Box first_part = segment_box (result, index->column_start[column], 2);
  Box last_part = segment_box (result, index->column_end[column] - 1, 2);

  return union_box (first_part, last_part);
}

static Box
item_box (const SodoLayoutResult *result,
          const SodoLayoutIndex  *index,
          uint32_t                item)
{
  uint32_t id = item >> ITEM_ID_SHIFT;

  switch (item & ITEM_KIND_MASK)
    {
    case ITEM_NODE:
      {
        Box box = _sodo_layout_card_box (result, index->transpose, id);
        uint32_t edge = result->parent_edge[id];

        if (edge != SODO_LAYOUT_NONE)
          box = union_box (box, own_segment_box (result, edge));
        return box;
      }
    case ITEM_GROUP:
      return union_box (segment_box (result, index->group_start[id], 0),
                        group_bus_box (result, index, id));
    case ITEM_COLUMN:
    default:
      return column_box (result, index, id);
    }
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

/* Building. */

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
      index->level_rows = true;
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

/* Lists @item in every cell that @box covers. @box may be larger than the item's exact box
 * (item_box()): a query reports an item from the first cell that it and the exact box share,
 * and that cell is listed as long as @box contains the exact box. So most boxes are taken
 * from the working arrays, read in order, widened by a margin for the rounding to float,
 * instead of from the result's cards, spread all over memory. */
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
  add_item_box (builder, item_box (builder->result, builder->index, item), item);
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
          for (uint32_t s = work->block_start[block]; s < work->block_start[block + 1]; s++)
            add_item (builder, MAKE_ITEM (ITEM_NODE, work->stacked_node[s]));
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
      free (index->items);
      index->items = NULL;
      memset (index->cell_start, 0, (n_cells + 1) * sizeof (uint32_t));
    }
  else
    {
      index->cell_start = calloc (n_cells + 1, sizeof (uint32_t));
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
  free (index->level_bus);
  free (index->level_group_start);
  free (index->cell_start);
  free (index->items);
  free (index->group_start);
  free (index->column_start);
  free (index->column_end);
  free (index);
}

/* Queries. */

static inline void
report_edges (Query    *query,
              uint32_t  first,
              uint32_t  end)
{
  for (uint32_t edge = first; edge < end; edge++)
    query->edge_func (edge, query->user_data);
  query->n_found += end - first;
}

/* First edge in [first, end) whose value is >= @limit, for values that never decrease. */
#define LOWER_BOUND(first, end, value_of, limit, out)   \
  do {                                                  \
    uint32_t lo_ = (first), hi_ = (end);                \
    while (lo_ < hi_)                                   \
      {                                                 \
        uint32_t mid_ = lo_ + (hi_ - lo_) / 2;          \
        if (value_of (mid_) < (limit))                  \
          lo_ = mid_ + 1;                               \
        else                                            \
          hi_ = mid_;                                   \
      }                                                 \
    (out) = lo_;                                        \
  } while (0)

/* The bus meets the query and the stem does not: the stem is then off to one side of the
 * query, and the connectors whose part of the bus reaches into it are a run at one end. */
static void
report_bus (Query    *query,
            uint32_t  group)
{
  const SodoLayoutResult *result = query->result;
  uint32_t first = query->index->group_start[group];
  uint32_t end = query->index->group_start[group + 1];
  double stem_u = segment_box (result, first, 0).u0;
  uint32_t split;

#define TARGET(e) bus_target_u (result, (e))
  if (stem_u < query->query.u0)
    {
      LOWER_BOUND (first, end, TARGET, query->query.u0, split);
      report_edges (query, split, end);
    }
  else if (stem_u > query->query.u1)
    {
      /* First edge whose target is past the query's far side. */
      uint32_t lo = first, hi = end;

      while (lo < hi)
        {
          uint32_t mid = lo + (hi - lo) / 2;

          if (TARGET (mid) <= query->query.u1)
            lo = mid + 1;
          else
            hi = mid;
        }
      report_edges (query, first, lo);
    }
  else
    report_edges (query, first, end);
#undef TARGET
}

/* The column's bus meets the query and the stem and bus do not: the connectors that reach
 * down into the query are the last ones of the column. */
static void
report_column (Query    *query,
               uint32_t  column)
{
  const SodoLayoutResult *result = query->result;
  uint32_t first = query->index->column_start[column];
  uint32_t end = query->index->column_end[column];
  uint32_t split;

  if (boxes_meet (segment_box (result, first, 0), query->query) ||
      boxes_meet (segment_box (result, first, 1), query->query))
    return;
#define LEAF_V(e) fourth_point_v (result, (e))
  LOWER_BOUND (first, end, LEAF_V, query->query.v0, split);
#undef LEAF_V
  report_edges (query, split, end);
}

/* Reports @edge if segment @k is the first of its segments to meet the query. */
static void
report_if_first_segment (Query    *query,
                         uint32_t  edge,
                         uint32_t  k)
{
  for (uint32_t earlier = 0; earlier < k; earlier++)
    if (boxes_meet (segment_box (query->result, edge, earlier), query->query))
      return;
  report_edges (query, edge, edge + 1);
}

/* A card and the last segment of the connector into it. */
static void
visit_node (Query    *query,
            uint32_t  node)
{
  const SodoLayoutResult *result = query->result;
  uint32_t edge = result->parent_edge[node];

  if (query->node_func != NULL &&
      boxes_meet (_sodo_layout_card_box (result, query->index->transpose, node), query->query))
    {
      query->node_func (node, query->user_data);
      query->n_found++;
    }
  if (query->edge_func != NULL && edge != SODO_LAYOUT_NONE &&
      boxes_meet (own_segment_box (result, edge), query->query))
    report_if_first_segment (query, edge, result->stacked[node] ? 3 : 2);
}

/* A parent's stem and bus: all its connectors if the stem meets the query, else those
 * whose part of the bus does. */
static void
visit_group (Query    *query,
             uint32_t  group)
{
  const SodoLayoutIndex *index = query->index;

  if (boxes_meet (segment_box (query->result, index->group_start[group], 0), query->query))
    report_edges (query, index->group_start[group], index->group_start[group + 1]);
  else if (boxes_meet (group_bus_box (query->result, index, group), query->query))
    report_bus (query, group);
}

/* With align_levels: the groups of each level whose band (from the bus above to its own
 * bus) meets the query, found by binary search since they are in order and apart. */
static void
visit_level_groups (Query *query)
{
  const SodoLayoutIndex *index = query->index;
  const SodoLayoutResult *result = query->result;
  uint32_t level;

#define LEVEL_BUS(d) index->level_bus[(d)]
  LOWER_BOUND (0, index->n_levels, LEVEL_BUS, query->query.v0, level);
#undef LEVEL_BUS
  for (; level < index->n_levels; level++)
    {
      uint32_t end = index->level_group_start[level + 1], group;

      if (level > 0 && index->level_bus[level - 1] > query->query.v1)
        break;
#define GROUP_FAR_U(g) item_box (result, index, MAKE_ITEM (ITEM_GROUP, (g))).u1
      LOWER_BOUND (index->level_group_start[level], end, GROUP_FAR_U, query->query.u0, group);
#undef GROUP_FAR_U
      for (; group < end; group++)
        {
          Box box = item_box (result, index, MAKE_ITEM (ITEM_GROUP, group));

          if (box.u0 > query->query.u1)
            break;
          if (boxes_meet (box, query->query))
            visit_group (query, group);
        }
    }
}

static void
visit_item (Query    *query,
            uint32_t  item,
            uint32_t  column,
            uint32_t  row)
{
  const SodoLayoutIndex *index = query->index;
  uint32_t kind = item & ITEM_KIND_MASK;
  uint32_t id = item >> ITEM_ID_SHIFT;
  Box box;

  if (kind != ITEM_NODE && query->edge_func == NULL)
    return;
  box = item_box (query->result, index, item);
  if (!boxes_meet (box, query->query))
    return;
  /* A spread item only from the first cell that both it and the query cover (a cell looked
   * at only to find items listed once is never that cell). */
  if ((item & ITEM_SPREAD) != 0 &&
      (column != MAX_OF (column_of (index, box.u0), query->column_min) ||
       row != MAX_OF (row_of (index, box.v0), query->row_min)))
    return;

  switch (kind)
    {
    case ITEM_NODE:
      visit_node (query, id);
      break;
    case ITEM_GROUP:
      visit_group (query, id);
      break;
    case ITEM_COLUMN:
    default:
      report_column (query, id);
      break;
    }
}

/* The query rectangle in the (u, v) frame; false when it is empty or misses the chart. */
static bool
query_box (const SodoLayoutResult *result,
           double                  x,
           double                  y,
           double                  width,
           double                  height,
           Box                    *box)
{
  const SodoLayoutIndex *index = result->index;

  if (!(width >= 0 && height >= 0) || isnan (x) || isnan (y))
    return false;
  if (index->transpose)
    *box = (Box) { y, x, y + height, x + width };
  else
    *box = (Box) { x, y, x + width, y + height };
  return box->u1 >= -index->margin && box->u0 <= index->breadth + index->margin &&
         box->v1 >= -index->margin && box->v0 <= index->extent + index->margin;
}

size_t
sodo_layout_query_rect (const SodoLayoutResult *result,
                        double                  x,
                        double                  y,
                        double                  width,
                        double                  height,
                        SodoLayoutVisitFunc     node_func,
                        SodoLayoutVisitFunc     edge_func,
                        void                   *user_data)
{
  Query query;
  uint32_t column_first, column_max, row_first, row_max;

  if (result == NULL || (node_func == NULL && edge_func == NULL))
    return 0;
  memset (&query, 0, sizeof query);
  if (!query_box (result, x, y, width, height, &query.query))
    return 0;
  query.result = result;
  query.index = result->index;
  query.node_func = node_func;
  query.edge_func = edge_func;
  query.user_data = user_data;
  query.column_min = column_of (query.index, query.query.u0);
  query.row_min = row_of (query.index, query.query.v0);
  column_max = column_of (query.index, query.query.u1);
  row_max = row_of (query.index, query.query.v1);
  /* One cell further back, for the items listed once. */
  column_first = query.column_min > 0 ? query.column_min - 1 : 0;
  row_first = query.row_min > 0 && !query.index->level_rows ? query.row_min - 1 : query.row_min;

  for (uint32_t row = row_first; row <= row_max; row++)
    for (uint32_t column = column_first; column <= column_max; column++)
      {
        size_t cell = (size_t) row * query.index->n_columns + column;

        for (uint32_t i = query.index->cell_start[cell]; i < query.index->cell_start[cell + 1];
             i++)
          visit_item (&query, query.index->items[i], column, row);
      }
  if (edge_func != NULL && query.index->level_group_start != NULL)
    visit_level_groups (&query);
  return query.n_found;
}

typedef struct
{
  uint32_t *out;
  size_t    max_out;
  size_t    n;
} Collector;

static void
collect (uint32_t  index,
         void     *user_data)
{
  Collector *collector = user_data;

  if (collector->n < collector->max_out)
    collector->out[collector->n] = index;
  collector->n++;
}

size_t
sodo_layout_query_nodes (const SodoLayoutResult *result,
                         double                  x,
                         double                  y,
                         double                  width,
                         double                  height,
                         uint32_t               *out,
                         size_t                  max_out)
{
  Collector collector = { out, out != NULL ? max_out : 0, 0 };

  sodo_layout_query_rect (result, x, y, width, height, collect, NULL, &collector);
  return collector.n;
}

size_t
sodo_layout_query_edges (const SodoLayoutResult *result,
                         double                  x,
                         double                  y,
                         double                  width,
                         double                  height,
                         uint32_t               *out,
                         size_t                  max_out)
{
  Collector collector = { out, out != NULL ? max_out : 0, 0 };

  sodo_layout_query_rect (result, x, y, width, height, NULL, collect, &collector);
  return collector.n;
}

uint32_t
sodo_layout_node_at (const SodoLayoutResult *result,
                     double                  x,
                     double                  y)
{
  const SodoLayoutIndex *index;
  Box point;
  uint32_t found = SODO_LAYOUT_NONE, column, row;

  if (result == NULL || !query_box (result, x, y, 0, 0, &point))
    return SODO_LAYOUT_NONE;
  index = result->index;
  column = column_of (index, point.u0);
  row = row_of (index, point.v0);
  /* This cell and the ones before it, where a card listed once may start. */
  for (uint32_t r = row > 0 && !index->level_rows ? row - 1 : row; r <= row; r++)
    for (uint32_t c = column > 0 ? column - 1 : 0; c <= column; c++)
      {
        size_t cell = (size_t) r * index->n_columns + c;

        for (uint32_t i = index->cell_start[cell]; i < index->cell_start[cell + 1]; i++)
          {
            uint32_t item = index->items[i];
            uint32_t node = item >> ITEM_ID_SHIFT;

            if ((item & ITEM_KIND_MASK) == ITEM_NODE && node < found &&
                boxes_meet (_sodo_layout_card_box (result, index->transpose, node), point))
              found = node;
          }
      }
  return found;
}
