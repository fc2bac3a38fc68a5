/* sodo-layout-private.h: the working state shared by the layout's files
 *
 * All arithmetic is done in an orientation-free frame: "u" is the breadth axis (siblings),
 * "v" the depth axis (levels). Top-down maps (u, v) to (x, y); left-right to (y, x). Only the
 * output writers, the connectors and the spatial index know about the orientation.
 *
 * The layout works on "layout nodes" stored in breadth-first order, so that a node's children
 * are consecutive (node[i].child_first .. node[i].child_end - 1), the nodes of one level too, and
 * every array is one allocation indexed by position. A compact stack is one layout node (a
 * block) standing for all its leaves.
 *
 * Memory is what a million-node layout spends most of its time on (every fresh page is
 * faulted in and zeroed, and the contour walk jumps all over the tree), so the working
 * arrays are few and narrow: sizes are floats, the tidy walk's shift/change live only as
 * long as one parent's children are separated, and what the contour walk reads of a node
 * is one SodoLayoutNode record (one or two cache lines instead of one per field). Everything
 * else is a structure of arrays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sodo-layout.h"

/* lnode[] entries with this bit are compact stacks; the rest of the bits index the blocks.
 * Node indices stay below SODO_LAYOUT_MAX_NODES, so the bit never clashes with one. */
#define _SODO_LAYOUT_BLOCK_BIT 0x80000000u

/* A rectangle in the (u, v) frame. */
typedef struct
{
  double u0, v0, u1, v1;
} SodoLayoutBox;

/* The spatial index, and what the connectors need to be recomputed from the cards. */
struct _SodoLayoutIndex
{
  bool      transpose;
  float     half_level_gap;
  float     compact_indent;
  /* With align_levels, the v of the bus below each level; NULL otherwise (the bus is then
   * half a level gap below the parent). */
  float    *level_bus;
  uint32_t  n_levels;
  /* With align_levels, the stems and buses are not in the grid: the groups of the parents
   * of level d, level_group_start[d] .. level_group_start[d + 1] - 1, are in order from left
   * to right and do not overlap, so a binary search finds those a query meets. */
  uint32_t *level_group_start;

  /* Grid over [0, breadth] x [0, extent]. Everything is inside it, give or take the
   * margin (float rounding). With align_levels, row d is level d's band, from the bus above
   * it to its own bus ([level_bus[d - 1], level_bus[d])); otherwise rows are uniform. */
  bool      level_rows;
  double    breadth;
  double    extent;
  double    margin;
  double    cells_per_breadth;   /* 1 / the size of a cell */
  double    cells_per_extent;
  uint32_t  n_columns;
  uint32_t  n_rows;
  uint32_t *cell_start;          /* n_columns * n_rows + 1 entries */
  uint32_t *items;

  /* Connectors of one parent: edges group_start[g] .. group_start[g + 1] - 1. */
  uint32_t  n_groups;
  uint32_t *group_start;
  /* Connectors down one compact column: edges column_start[k] .. column_end[k] - 1. */
  uint32_t  n_bus_columns;
  uint32_t *column_start;
  uint32_t *column_end;
};

/* The fields of one layout node that the contour walk reads, together. */
typedef struct
{
  double   prelim;        /* van der Ploeg's names; after the second walk, prelim is u */
  double   mod;
  double   bottom;        /* v where the node's children start: its contour's far side */
  float    breadth;       /* size along u (a card's width in top-down) */
  float    extent;        /* size along v */
  uint32_t child_first;   /* children: positions child_first .. child_end - 1 */
  uint32_t child_end;
  uint32_t thread_left;
  uint32_t thread_right;
} SodoLayoutNode;

typedef struct
{
  /* Input, checked. */
  const SodoLayoutTree *tree;
  SodoLayoutOptions     options;
  uint32_t              n_nodes;
  bool                  transpose;

  /* Layout nodes, breadth-first. */
  uint32_t  n_layout;
  uint32_t       *lnode;    /* input node, or _SODO_LAYOUT_BLOCK_BIT | block */
  SodoLayoutNode *node;
  uint32_t        max_children;
  uint32_t  n_parents;      /* layout nodes with children */
  double    sum_breadth;    /* of the visible cards, to size the grid */
  double    sum_extent;

  /* Levels (depths): positions level_start[d] .. level_start[d + 1] - 1. */
  uint32_t  n_levels;
  uint32_t *level_start;    /* n_levels + 1 entries */
  double   *level_extent;   /* deepest card of each level */
  double   *level_top;      /* n_levels + 1 entries (room for n_nodes + 2) */

  /* Compact stacks. The leaves of block b are stacked_node[block_start[b] ..
   * block_start[b + 1] - 1], in input order, column by column, block_rows[b] per column. */
  uint32_t  n_blocks;
  uint32_t *block_start;    /* n_blocks + 1 entries */
  uint32_t *block_rows;
  uint32_t  n_stacked;
  uint32_t *stacked_node;
  uint32_t  n_bus_columns;

  /* The rest of the tidy-tree state, only read when a node's parent separates its children:
   * the sums of modifiers to the extreme nodes (msel, mser: pairs of doubles) and the extreme
   * nodes themselves (left in .parent, right in .child). Both live in result arrays that are
   * not filled yet (rects and edges, as large or larger), which saves faulting in 24 bytes
   * per node of fresh memory; the cards overwrite them later. */
  double           *extreme_sums;
  SodoLayoutEdge   *extremes;
  double           *extreme_lows;   /* the bottoms of the extreme nodes, left and right */
  uint32_t         *walk_stack;     /* the first walk's path from the root: n_levels pairs */
  /* Scratch for the children of one parent (max_children entries): shift and change, and
   * the paper's "IYL" list as a stack (per left sibling, the lowest v of its subtree). */
  double   *shift;
  double   *change;
  double   *iyl_low;
  uint32_t *iyl_index;
  double    min_u;
  double    max_u;
  double    max_v;

  /* Output being filled (owned by the result). */
  SodoLayoutResult *result;
  SodoLayoutIndex  *index;
  SodoLayoutRect   *rects;
  uint8_t          *visible;
  uint8_t          *stacked;
  uint32_t         *depth;
  SodoLayoutEdge   *edges;
  uint32_t         *parent_edge;
  uint32_t          n_edges;
} SodoLayoutWork;

/* Arrays of n elements of size bytes (sodo-layout-alloc.c), NULL on overflow or failure;
 * alloc0 zeroes them. Only _sodo_layout_free() gives them back. */
void *_sodo_layout_alloc              (size_t n,
                                       size_t size);
void *_sodo_layout_alloc0             (size_t n,
                                       size_t size);
void  _sodo_layout_free               (const void *array);

/* Size of input node @node's card along u and v (the orientation swaps width and height). */
static inline float
_sodo_layout_node_breadth (const SodoLayoutWork *work,
                           uint32_t              node)
{
  return work->transpose ? work->tree->height[node] : work->tree->width[node];
}

static inline float
_sodo_layout_node_extent (const SodoLayoutWork *work,
                          uint32_t              node)
{
  return work->transpose ? work->tree->width[node] : work->tree->height[node];
}

/* A card in the (u, v) frame, as stored (floats widened to double). */
static inline SodoLayoutBox
_sodo_layout_rect_box (const SodoLayoutRect *r,
                       bool                  transpose)
{
  SodoLayoutBox box;

  if (transpose)
    box = (SodoLayoutBox) { r->y, r->x, (double) r->y + r->height, (double) r->x + r->width };
  else
    box = (SodoLayoutBox) { r->x, r->y, (double) r->x + r->width, (double) r->y + r->height };
  return box;
}

static inline SodoLayoutBox
_sodo_layout_card_box (const SodoLayoutResult *result,
                       bool                    transpose,
                       uint32_t                node)
{
  return _sodo_layout_rect_box (&result->rects[node], transpose);
}

/* The v of the bus below a parent's card (at @depth, with @parent_box), as a float: what
 * the connectors use. */
static inline double
_sodo_layout_bus_v (const SodoLayoutIndex *index,
                    uint32_t               depth,
                    SodoLayoutBox          parent_box)
{
  if (index->level_bus != NULL)
    return index->level_bus[depth];
  return (float) (parent_box.v1 + index->half_level_gap);
}

/* The stored card of a node placed at (u, v) in the working frame (u not yet shifted by
 * min_u): the writer and the index both use it, so they round alike. */
static inline SodoLayoutRect
_sodo_layout_card_rect (bool   transpose,
                        double u,
                        double v,
                        double breadth,
                        double extent)
{
  if (transpose)
    return (SodoLayoutRect) { (float) v, (float) u, (float) extent, (float) breadth };
  return (SodoLayoutRect) { (float) u, (float) v, (float) breadth, (float) extent };
}

/* Writes the card of input node @node, given in the (u, v) frame (u not yet shifted by
 * min_u), into the result, and marks it visible. */
void  _sodo_layout_set_card           (SodoLayoutWork *work,
                                       uint32_t        node,
                                       double          u,
                                       double          v,
                                       double          breadth,
                                       double          extent);

/* Appends the connector from @parent to @child; returns its index. */
uint32_t _sodo_layout_add_edge        (SodoLayoutWork *work,
                                       uint32_t        parent,
                                       uint32_t        child);

/* sodo-layout-tidy.c: the two walks. The first needs breadth, bottom and the children; the
 * second leaves each layout node's final u (before the shift to 0) in prelim, and the
 * extremes in min_u, max_u, max_v. */
SodoLayoutStatus _sodo_layout_tidy_prepare (SodoLayoutWork *work);
void  _sodo_layout_tidy_first_walk    (SodoLayoutWork *work);
void  _sodo_layout_tidy_second_walk   (SodoLayoutWork *work);
void  _sodo_layout_tidy_release       (SodoLayoutWork *work);

/* sodo-layout-compact.c */
/* Chooses the columns of block @block; returns its size and the extent of its first row. */
void  _sodo_layout_compact_measure    (SodoLayoutWork *work,
                                       uint32_t        block,
                                       double         *breadth,
                                       double         *extent,
                                       double         *first_row_extent);
/* Calls @func for each leaf of @block, column by column, with the place of its card when
 * the block's near corner is at (u, v) (u before the shift by min_u). */
typedef void (*SodoLayoutStackFunc) (const SodoLayoutWork *work,
                                     uint32_t              node,
                                     double                u,
                                     double                v,
                                     double                breadth,
                                     double                extent,
                                     bool                  first_in_column,
                                     void                 *data);
void  _sodo_layout_compact_walk       (const SodoLayoutWork *work,
                                       uint32_t              block,
                                       double                u,
                                       double                v,
                                       SodoLayoutStackFunc   func,
                                       void                 *data);
/* Places the leaves of @block with its near corner at (u, v), adds their connectors from
 * @parent and records the columns in the index. */
void  _sodo_layout_compact_place      (SodoLayoutWork *work,
                                       uint32_t        block,
                                       uint32_t        parent,
                                       double          u,
                                       double          v);

/* sodo-layout-edges.c: connector geometry in the (u, v) frame, as floats (the values
 * sodo_layout_edge_get_points() returns). */
uint32_t _sodo_layout_edge_points_uv  (const SodoLayoutResult *result,
                                       uint32_t                edge,
                                       double                  u[SODO_LAYOUT_EDGE_MAX_POINTS],
                                       double                  v[SODO_LAYOUT_EDGE_MAX_POINTS]);

/* sodo-layout-index.c */
SodoLayoutStatus _sodo_layout_index_prepare (SodoLayoutWork *work);
SodoLayoutStatus _sodo_layout_index_build   (SodoLayoutWork *work);
void             _sodo_layout_index_free    (SodoLayoutIndex *index);
