/* sodo-layout.h: tidy-tree layout of an org chart (geometry only)
 *
 * Plain C99 + libm: no GLib, no drawing, no model. The caller describes a tree with index
 * arrays and card sizes; sodo_layout_compute() returns one rectangle per visible node, the
 * orthogonal connectors and a spatial index, all in one SodoLayoutResult freed with one call.
 *
 * The algorithm is Walker's tidy tree as made linear by Buchheim, Jünger and Leipert (2002),
 * in the variable-size form of van der Ploeg ("Drawing non-layered tidy trees in linear time",
 * 2014): contours are compared by their vertical extent, threads and the shift/change
 * bookkeeping keep it O(n). It is iterative (no recursion), so a 1,000,000-deep chain or a
 * 1,000,000-wide star lays out without exhausting the stack, and deterministic: the same
 * input gives bit-identical output.
 *
 * Words used below, for the top-down orientation (left-right is the transpose):
 *   breadth = the axis along which siblings are placed (x), depth = the axis of levels (y).
 *   A "visible" node is the root or a node whose ancestors are all expanded.
 *   A "leaf" (for layout) is a visible node without visible children: a collapsed node is one.
 *
 * Guarantees of a successful layout (all in layout coordinates, top-left origin, y down):
 *   - no two visible cards overlap (cards are separated by at least the gaps below);
 *   - children keep their input order along the breadth axis;
 *   - a parent is centred over its visible children: the centre of its card is halfway
 *     between the centre of its first and of its last child (a compact stack counts as one
 *     child whose centre is the centre of the stack);
 *   - with align_levels, every card of one depth has the same top (left in left-right), and
 *     each level is as deep as its deepest card;
 *   - the bounds start at (0, 0).
 *
 * SodoLayoutResult is read-only. Coordinates are floats (card sizes are floats): the layout
 * is computed in double precision and rounded once on output.
 *
 * GLib users can add: G_DEFINE_AUTOPTR_CLEANUP_FUNC (SodoLayoutResult, sodo_layout_result_free)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* "No node / no edge": the end of a child list, the parent of the root, a failed lookup. */
#define SODO_LAYOUT_NONE UINT32_MAX

/* Most nodes accepted by sodo_layout_compute() (the spatial index tags indices in 29 bits). */
#define SODO_LAYOUT_MAX_NODES (1u << 28)

/* The input tree. All arrays hold n_nodes entries and are only read during the call.
 *
 * Nodes not reachable from @root (through first_child/next_sibling) are not laid out and are
 * marked invisible, so one arrays set can describe a forest and lay out one of its trees. */
typedef struct
{
  uint32_t        n_nodes;
  uint32_t        root;
  /* Optional (NULL to skip the check): when given, parent[c] must be the node whose child
   * list contains c, and parent[root] is not looked at. */
  const uint32_t *parent;
  const uint32_t *first_child;   /* SODO_LAYOUT_NONE when the node has no child */
  const uint32_t *next_sibling;  /* SODO_LAYOUT_NONE after the last child */
  const float    *width;         /* card size in points, finite and >= 0 */
  const float    *height;
  /* Optional (NULL = nothing collapsed): non-zero hides all descendants of the node, which is
   * then laid out as a leaf. */
  const uint8_t  *collapsed;
} SodoLayoutTree;

typedef enum
{
  SODO_LAYOUT_TOP_DOWN = 0,   /* root at the top, levels go down, siblings left to right */
  SODO_LAYOUT_LEFT_RIGHT,     /* root at the left, levels go right, siblings top to bottom */
} SodoLayoutOrientation;

typedef struct
{
  SodoLayoutOrientation orientation;
  /* Space between the cards of two siblings, along the breadth axis (also between the cards
   * of a compact stack, in both directions, and between its columns). */
  float    sibling_gap;
  /* Space between two cards that are not siblings (cousins, neighbouring subtrees). */
  float    subtree_gap;
  /* Space between a parent's card and its children's cards, along the depth axis. The
   * connectors' horizontal bus runs in the middle of it. */
  float    level_gap;
  /* Rank alignment: every card of one depth starts at the same depth coordinate, using the
   * deepest card of the level. Off: a child starts level_gap below its own parent (a
   * non-layered tidy tree, still overlap-free). */
  bool     align_levels;
  /* Compact mode: when a node has at least compact_min_leaves leaf children, those leaves are
   * stacked in columns (as many columns as keep the stack roughly square), each column with a
   * vertical bus at its left (top in left-right) and its cards indented by compact_indent.
   * The stack takes the place of the first stacked leaf among the node's children; the
   * leaves keep their order, column by column (down the first column, then the next). */
  bool     compact;
  uint32_t compact_min_leaves;   /* >= 1; default 6 */
  float    compact_indent;       /* space between a column's bus and its cards; > 0 */
} SodoLayoutOptions;

/* Static initializer with the defaults; sodo_layout_options_init() sets the same values. */
#define SODO_LAYOUT_OPTIONS_INIT \
  { SODO_LAYOUT_TOP_DOWN, 20.0f, 40.0f, 48.0f, true, false, 6u, 24.0f }

void sodo_layout_options_init (SodoLayoutOptions *options);

typedef enum
{
  SODO_LAYOUT_OK = 0,
  SODO_LAYOUT_ERROR_INVALID_ARGUMENT,  /* NULL array, root >= n_nodes, bad option value */
  SODO_LAYOUT_ERROR_BAD_INDEX,         /* a child/sibling index >= n_nodes */
  SODO_LAYOUT_ERROR_NOT_A_TREE,        /* a node reached twice (cycle, shared child), or
                                        * parent[] disagrees with the child lists */
  SODO_LAYOUT_ERROR_BAD_SIZE,          /* a visible card size is negative, NaN or infinite */
  SODO_LAYOUT_ERROR_TOO_LARGE,         /* n_nodes > SODO_LAYOUT_MAX_NODES */
  SODO_LAYOUT_ERROR_NO_MEMORY,
} SodoLayoutStatus;

/* A short English description of @status, for logs and assertions (not for users). */
const char *sodo_layout_status_to_string (SodoLayoutStatus status);

typedef struct
{
  float x;
  float y;
  float width;
  float height;
} SodoLayoutRect;

typedef struct
{
  float x;
  float y;
} SodoLayoutPoint;

/* One connector, from a parent's card to one child's card. Its shape, an orthogonal
 * polyline, comes from sodo_layout_edge_get_points() (computed on demand from the cards, so
 * a million-node chart does not store tens of megabytes of points).
 * Edges are grouped by parent (a parent's edges are consecutive) and follow the children
 * from left to right (top to bottom in left-right): input order, except that the leaves of a
 * compact stack come together, where the stack stands (the place of its first leaf). */
typedef struct
{
  uint32_t parent;
  uint32_t child;
} SodoLayoutEdge;

/* Most points of one connector's polyline. */
#define SODO_LAYOUT_EDGE_MAX_POINTS 5

typedef struct _SodoLayoutIndex SodoLayoutIndex;

/* The output. Read-only; free it with sodo_layout_result_free(). */
typedef struct
{
  SodoLayoutOrientation  orientation;
  uint32_t               n_nodes;    /* same as the input */
  uint32_t               root;
  uint32_t               n_visible;
  /* n_nodes entries, indexed like the input. An invisible node has visible[i] == 0 and an
   * all-zero rectangle. */
  const SodoLayoutRect  *rects;
  const uint8_t         *visible;
  /* Non-zero for a leaf placed in a compact stack. */
  const uint8_t         *stacked;
  /* Depth of each visible node (root = 0); SODO_LAYOUT_NONE when invisible. */
  const uint32_t        *depth;
  /* Smallest rectangle containing every visible card and connector (up to float rounding);
   * x = y = 0. */
  SodoLayoutRect         bounds;
  uint32_t               n_edges;    /* n_visible - 1 */
  const SodoLayoutEdge  *edges;
  /* Index into edges of the connector that ends at each node; SODO_LAYOUT_NONE for the root
   * and for invisible nodes. */
  const uint32_t        *parent_edge;
  /* Private: the spatial index used by the queries below. */
  SodoLayoutIndex       *index;
} SodoLayoutResult;

/* Lays out @tree. Returns NULL on failure and stores the reason in @status (nullable);
 * on success @status is SODO_LAYOUT_OK. @options may be NULL for the defaults.
 * Time and memory are linear in n_nodes. */
SodoLayoutResult *sodo_layout_compute     (const SodoLayoutTree    *tree,
                                           const SodoLayoutOptions *options,
                                           SodoLayoutStatus        *status);
void              sodo_layout_result_free (SodoLayoutResult        *result);

/* The polyline of connector @edge, in layout coordinates, stored in @points; returns the
 * number of points (4 or 5). The first point is on the parent's card (middle of its bottom
 * side; right side in left-right), the last on the child's card. Every segment is
 * horizontal or vertical.
 *   - an ordinary child, 4 points: from the parent to the bus in the middle of the level gap
 *     below it (with align_levels, below the deepest card of the level, so all buses of a
 *     level are in line), along the bus, then to the middle of the child's top side;
 *   - a stacked leaf (compact mode), 5 points: from the parent to the bus, along it to the
 *     column's bus, down the column's bus to the middle of the leaf's height, then across to
 *     the leaf's left side (top side in left-right).
 * Returns 0 when @edge is out of range. */
uint32_t sodo_layout_edge_get_points (const SodoLayoutResult *result,
                                      uint32_t                edge,
                                      SodoLayoutPoint         points[SODO_LAYOUT_EDGE_MAX_POINTS]);

/* Called once per node or edge index found by a query. */
typedef void (*SodoLayoutVisitFunc) (uint32_t  index,
                                     void     *user_data);

/* Reports every visible card and every connector that intersects the rectangle (x, y, width,
 * height), each exactly once, in no particular order (but the same order for the same
 * query). Intersection is closed: touching counts, and a connector is its polyline (zero
 * width). @node_func or @edge_func may be NULL to skip that kind. Returns the number of
 * nodes plus edges reported. The cost is proportional to the number reported plus the
 * number of grid cells the rectangle covers (a cell holds a few cards), plus, with
 * align_levels, a binary search per level the rectangle crosses. A rectangle with a negative
 * size is empty. Safe to call from several threads at once on the same result. */
size_t   sodo_layout_query_rect  (const SodoLayoutResult *result,
                                  double                  x,
                                  double                  y,
                                  double                  width,
                                  double                  height,
                                  SodoLayoutVisitFunc     node_func,
                                  SodoLayoutVisitFunc     edge_func,
                                  void                   *user_data);

/* Array forms of sodo_layout_query_rect(): store up to @max_out indices in @out (nullable
 * when max_out is 0) and return how many intersect, which may be more than @max_out. */
size_t   sodo_layout_query_nodes (const SodoLayoutResult *result,
                                  double                  x,
                                  double                  y,
                                  double                  width,
                                  double                  height,
                                  uint32_t               *out,
                                  size_t                  max_out);
size_t   sodo_layout_query_edges (const SodoLayoutResult *result,
                                  double                  x,
                                  double                  y,
                                  double                  width,
                                  double                  height,
                                  uint32_t               *out,
                                  size_t                  max_out);

/* The visible node whose card contains (x, y) (its border included), or SODO_LAYOUT_NONE.
 * Cards do not overlap; if two touch at the point, the smaller index wins. */
uint32_t sodo_layout_node_at     (const SodoLayoutResult *result,
                                  double                  x,
                                  double                  y);

#ifdef __cplusplus
}
#endif
