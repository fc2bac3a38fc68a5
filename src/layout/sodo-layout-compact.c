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

      max_breadth = fmax (max_breadth, _sodo_layout_node_breadth (work, node));
      max_extent = fmax (max_extent, _sodo_layout_node_extent (work, node));
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

          column_breadth = fmax (column_breadth, _sodo_layout_node_breadth (work, node));
          column_extent += _sodo_layout_node_extent (work, node) + (s > column ? gap : 0);
        }
      *breadth += (column > first ? gap : 0) + work->options.compact_indent + column_breadth;
      *extent = fmax (*extent, column_extent);
      *first_row_extent = fmax (*first_row_extent,
                                _sodo_layout_node_extent (work, work->stacked_node[column]));
    }
}

void
_sodo_layout_compact_place (SodoLayoutWork *work,
                            uint32_t        block,
                            uint32_t        parent,
                            double          u,
                            double          v)
{
  SodoLayoutIndex *index = work->index;
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

      index->column_start[index->n_bus_columns] = work->n_edges;
      for (uint32_t s = column; s < column_end; s++)
        {
          uint32_t node = work->stacked_node[s];
          double breadth = _sodo_layout_node_breadth (work, node);
          double extent = _sodo_layout_node_extent (work, node);

          _sodo_layout_set_card (work, node, card_u, card_v, breadth, extent);
          _sodo_layout_add_edge (work, parent, node);
          work->stacked[node] = 1;
          card_v += extent + gap;
          column_breadth = fmax (column_breadth, breadth);
        }
      index->column_end[index->n_bus_columns++] = work->n_edges;
      column_u = card_u + column_breadth + gap;
    }
}
