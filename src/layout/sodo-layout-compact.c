/* sodo-layout-compact.c: compact stacks, the leaf children of a wide node in columns
 *
 * A stack is one block for the tidy walks. Each column is: its bus (a line at the column's
 * near side), compact_indent of space, then the cards one under the other, sibling_gap
 * apart; columns are sibling_gap apart. Leaves fill the first column, then the next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-layout-private.h"

#include <math.h>

/* fmax() is a library call (it orders NaNs); sizes are never NaN here. */
#define MAX_OF(a, b) ((a) > (b) ? (a) : (b))

/* Block size for @n_columns columns, estimated from the largest card: enough to compare
 * shapes without walking the leaves once per candidate. */
static void
estimate_block (const SodoLayoutOptions *options,
                uint32_t                 n_leaves,
                uint32_t                 n_columns,
                double                   max_breadth,
                double                   max_extent,
                double                  *breadth,
                double                  *extent)
{
  uint32_t rows = (n_leaves + n_columns - 1) / n_columns;

  *breadth = n_columns * (options->compact_indent + max_breadth) +
             (n_columns - 1) * (double) options->sibling_gap;
  *extent = rows * max_extent + (rows - 1) * (double) options->sibling_gap;
}

static double
square_score (const SodoLayoutOptions *options,
              uint32_t                 n_leaves,
              uint32_t                 n_columns,
              double                   max_breadth,
              double                   max_extent,
              double                  *ratio)
{
  double breadth, extent;

  estimate_block (options, n_leaves, n_columns, max_breadth, max_extent, &breadth, &extent);
  *ratio = (breadth + 1) / (extent + 1);
  /* Distance from a square on a log scale: 2:1 and 1:2 are equally far. */
  return fabs (log (*ratio));
}

/* The number of rows (leaves per column) whose block is closest to a square. More columns
 * make the block wider and never deeper, so the breadth/extent ratio grows with the number
 * of columns: the best count is next to the first one whose ratio reaches 1. */
static uint32_t
choose_rows (const SodoLayoutWork *work,
             uint32_t              first,
             uint32_t              end)
{
  const SodoLayoutOptions *options = &work->options;
  uint32_t n_leaves = end - first;
  double max_breadth = 0, max_extent = 0, ratio;
  uint32_t low = 1, high = n_leaves, columns;

  for (uint32_t s = first; s < end; s++)
    {
      uint32_t node = work->stacked_node[s];

      max_breadth = MAX_OF (max_breadth, _sodo_layout_node_breadth (work, node));
      max_extent = MAX_OF (max_extent, _sodo_layout_node_extent (work, node));
    }

  while (low < high)
    {
      uint32_t middle = low + (high - low) / 2;

      square_score (options, n_leaves, middle, max_breadth, max_extent, &ratio);
      if (ratio >= 1)
        high = middle;
      else
        low = middle + 1;
    }
  columns = low;
  if (columns > 1 &&
      square_score (options, n_leaves, columns - 1, max_breadth, max_extent, &ratio) <=
      square_score (options, n_leaves, columns, max_breadth, max_extent, &ratio))
    columns--;
  return (n_leaves + columns - 1) / columns;
}

void
_sodo_layout_compact_measure (SodoLayoutWork *work,
                              uint32_t        block,
                              double         *breadth,
                              double         *extent,
                              double         *first_row_extent)
{
  uint32_t first = work->block_start[block];
  uint32_t end = work->block_start[block + 1];
  uint32_t rows = choose_rows (work, first, end);
  double gap = work->options.sibling_gap;

  work->block_rows[block] = rows;
  work->n_bus_columns += (end - first + rows - 1) / rows;
  *breadth = *extent = *first_row_extent = 0;
  for (uint32_t column = first; column < end; column += rows)
    {
      uint32_t column_end = column + rows < end ? column + rows : end;
      double column_breadth = 0, column_extent = 0;

      for (uint32_t s = column; s < column_end; s++)
        {
          uint32_t node = work->stacked_node[s];

          column_breadth = MAX_OF (column_breadth, _sodo_layout_node_breadth (work, node));
          column_extent += _sodo_layout_node_extent (work, node) + (s > column ? gap : 0);
        }
      *breadth += (column > first ? gap : 0) + work->options.compact_indent + column_breadth;
      *extent = MAX_OF (*extent, column_extent);
      *first_row_extent = MAX_OF (*first_row_extent,
                                _sodo_layout_node_extent (work, work->stacked_node[column]));
    }
}

void
_sodo_layout_compact_walk (const SodoLayoutWork *work,
                           uint32_t              block,
                           double                u,
                           double                v,
                           SodoLayoutStackFunc   func,
                           void                 *data)
{
  uint32_t first = work->block_start[block];
  uint32_t end = work->block_start[block + 1];
  uint32_t rows = work->block_rows[block];
  double gap = work->options.sibling_gap;
  double column_u = u;

  for (uint32_t column = first; column < end; column += rows)
    {
      uint32_t column_end = column + rows < end ? column + rows : end;
      double card_u = column_u + work->options.compact_indent;
      double column_breadth = 0, card_v = v;

      for (uint32_t s = column; s < column_end; s++)
        {
          uint32_t node = work->stacked_node[s];
          double breadth = _sodo_layout_node_breadth (work, node);
          double extent = _sodo_layout_node_extent (work, node);

          func (work, node, card_u, card_v, breadth, extent, s == column, data);
          card_v += extent + gap;
          column_breadth = MAX_OF (column_breadth, breadth);
        }
      column_u = card_u + column_breadth + gap;
    }
}

typedef struct
{
  SodoLayoutWork *work;
  uint32_t        parent;
} Placement;

static void
place_leaf (const SodoLayoutWork *work,
            uint32_t              node,
            double                u,
            double                v,
            double                breadth,
            double                extent,
            bool                  first_in_column,
            void                 *data)
{
  Placement *placement = data;
  SodoLayoutWork *writable = placement->work;
  SodoLayoutIndex *index = writable->index;

  (void) work;
  if (first_in_column)
    index->column_start[index->n_bus_columns++] = writable->n_edges;
  _sodo_layout_set_card (writable, node, u, v, breadth, extent);
  _sodo_layout_add_edge (writable, placement->parent, node);
  writable->stacked[node] = 1;
  index->column_end[index->n_bus_columns - 1] = writable->n_edges;
}

void
_sodo_layout_compact_place (SodoLayoutWork *work,
                            uint32_t        block,
                            uint32_t        parent,
                            double          u,
                            double          v)
{
  Placement placement = { work, parent };

  _sodo_layout_compact_walk (work, block, u, v, place_leaf, &placement);
}
