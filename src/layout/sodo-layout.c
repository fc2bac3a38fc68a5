/* sodo-layout.c: sodo_layout_compute(): checks the input, builds the breadth-first layout
 * nodes, runs the tidy walks, places the cards and hands over the result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-layout-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void
sodo_layout_options_init (SodoLayoutOptions *options)
{
  static const SodoLayoutOptions defaults = SODO_LAYOUT_OPTIONS_INIT;

  if (options != NULL)
    *options = defaults;
}

const char *
sodo_layout_status_to_string (SodoLayoutStatus status)
{
  switch (status)
    {
    case SODO_LAYOUT_OK:
      return "ok";
    case SODO_LAYOUT_ERROR_INVALID_ARGUMENT:
      return "invalid argument";
    case SODO_LAYOUT_ERROR_BAD_INDEX:
      return "node index out of range";
    case SODO_LAYOUT_ERROR_NOT_A_TREE:
      return "not a tree (node reached twice or parent mismatch)";
    case SODO_LAYOUT_ERROR_BAD_SIZE:
      return "card size negative or not finite";
    case SODO_LAYOUT_ERROR_TOO_LARGE:
      return "too many nodes";
    case SODO_LAYOUT_ERROR_NO_MEMORY:
      return "out of memory";
    default:
      return "unknown status";
    }
}

void
_sodo_layout_set_card (SodoLayoutWork *work,
                       uint32_t        node,
                       double          u,
                       double          v,
                       double          breadth,
                       double          extent)
{
  work->rects[node] = _sodo_layout_card_rect (work->transpose, u - work->min_u, v, breadth,
                                              extent);
  work->visible[node] = 1;
}

uint32_t
_sodo_layout_add_edge (SodoLayoutWork *work,
                       uint32_t        parent,
                       uint32_t        child)
{
  uint32_t edge = work->n_edges++;

  work->edges[edge].parent = parent;
  work->edges[edge].child = child;
  work->parent_edge[child] = edge;
  return edge;
}

static bool
options_are_valid (const SodoLayoutOptions *options)
{
  /* Written so that NaN fails every test. */
  if (!(options->sibling_gap >= 0 && options->sibling_gap < INFINITY) ||
      !(options->subtree_gap >= 0 && options->subtree_gap < INFINITY) ||
      !(options->level_gap >= 0 && options->level_gap < INFINITY))
    return false;
  if (options->orientation != SODO_LAYOUT_TOP_DOWN &&
      options->orientation != SODO_LAYOUT_LEFT_RIGHT)
    return false;
  if (options->compact &&
      (options->compact_min_leaves < 1 ||
       !(options->compact_indent > 0 && options->compact_indent < INFINITY)))
    return false;
  return true;
}

static inline bool
size_is_valid (const SodoLayoutTree *tree,
               uint32_t              node)
{
  float width = tree->width[node];
  float height = tree->height[node];

  return width >= 0 && width < INFINITY && height >= 0 && height < INFINITY;
}

/* A leaf for layout: no visible child. */
static inline bool
is_layout_leaf (const SodoLayoutTree *tree,
                uint32_t              node)
{
  return tree->first_child[node] == SODO_LAYOUT_NONE ||
         (tree->collapsed != NULL && tree->collapsed[node]);
}

/* A float at least as large as @value, so that a block never pokes out of its contour. */
static float
float_not_below (double value)
{
  float rounded = (float) value;

  return rounded < value ? nextafterf (rounded, INFINITY) : rounded;
}

/* Appends @node's children to the breadth-first order at *tail, checking them and giving
 * them a depth (which marks them as reached, so that a cycle stops here). Counts the leaves
 * among them. */
static SodoLayoutStatus
append_children (SodoLayoutWork *work,
                 uint32_t        node,
                 uint32_t       *tail,
                 uint32_t       *n_leaves)
{
  const SodoLayoutTree *tree = work->tree;
  uint32_t child_depth = work->depth[node] + 1;

  *n_leaves = 0;
  for (uint32_t child = tree->first_child[node];
       child != SODO_LAYOUT_NONE;
       child = tree->next_sibling[child])
    {
      if (child >= work->n_nodes)
        return SODO_LAYOUT_ERROR_BAD_INDEX;
      if (work->depth[child] != SODO_LAYOUT_NONE)
        return SODO_LAYOUT_ERROR_NOT_A_TREE;
      if (tree->parent != NULL && tree->parent[child] != node)
        return SODO_LAYOUT_ERROR_NOT_A_TREE;
      if (!size_is_valid (tree, child))
        return SODO_LAYOUT_ERROR_BAD_SIZE;
      work->depth[child] = child_depth;
      work->lnode[(*tail)++] = child;
      if (is_layout_leaf (tree, child))
        (*n_leaves)++;
    }
  return SODO_LAYOUT_OK;
}

/* Moves the leaves among positions [start, *tail) to a new block, which takes the place of
 * the first of them; the other children keep their order. */
static void
stack_leaves (SodoLayoutWork *work,
              uint32_t        start,
              uint32_t       *tail)
{
  uint32_t block = work->n_blocks++;
  uint32_t write = start;

  work->block_start[block] = work->n_stacked;
  for (uint32_t read = start; read < *tail; read++)
    {
      uint32_t child = work->lnode[read];

      if (!is_layout_leaf (work->tree, child))
        work->lnode[write++] = child;
      else
        {
          if (work->n_stacked == work->block_start[block])
            work->lnode[write++] = _SODO_LAYOUT_BLOCK_BIT | block;
          work->stacked_node[work->n_stacked++] = child;
        }
    }
  work->block_start[block + 1] = work->n_stacked;
  *tail = write;
}

/* Sets up the records of the children at positions [start, end), which are on level @level
 * under a parent whose contour ends at @parent_bottom: sizes, the tidy walk's starting
 * values, and without align_levels where their own contours end. */
static void
init_children (SodoLayoutWork *work,
               uint32_t        start,
               uint32_t        end,
               uint32_t        level,
               double          parent_bottom)
{
  for (uint32_t position = start; position < end; position++)
    {
      uint32_t node = work->lnode[position];
      double row_extent;

      work->node[position].prelim = 0;
      work->node[position].mod = 0;
      work->node[position].thread_left = SODO_LAYOUT_NONE;
      work->node[position].thread_right = SODO_LAYOUT_NONE;

      if ((node & _SODO_LAYOUT_BLOCK_BIT) != 0)
        {
          uint32_t block = node & ~_SODO_LAYOUT_BLOCK_BIT;
          double breadth, extent;

          _sodo_layout_compact_measure (work, block, &breadth, &extent, &row_extent);
          work->node[position].breadth = float_not_below (breadth);
          work->node[position].extent = float_not_below (extent);
          for (uint32_t s = work->block_start[block]; s < work->block_start[block + 1]; s++)
            {
              work->sum_breadth += _sodo_layout_node_breadth (work, work->stacked_node[s]);
              work->sum_extent += _sodo_layout_node_extent (work, work->stacked_node[s]);
            }
        }
      else
        {
          work->node[position].breadth = _sodo_layout_node_breadth (work, node);
          work->node[position].extent = _sodo_layout_node_extent (work, node);
          row_extent = work->node[position].extent;
          work->sum_breadth += work->node[position].breadth;
          work->sum_extent += row_extent;
        }
      if (row_extent > work->level_extent[level])
        work->level_extent[level] = row_extent;
      if (!work->options.align_levels)
        work->node[position].bottom = parent_bottom + work->node[position].extent +
                                      work->options.level_gap;
    }
}

/* Depth coordinates of a node at @position on @level, all of whose level has been set up:
 * with align_levels, where its contour ends (the v at which its children start), so that
 * nothing from a neighbouring subtree slides into the gap its connectors use. */
static void
place_level_node (SodoLayoutWork *work,
                  uint32_t        position,
                  uint32_t        level)
{
  double gap = work->options.level_gap;

  if (!work->options.align_levels)
    return;
  if ((work->lnode[position] & _SODO_LAYOUT_BLOCK_BIT) != 0)
    work->node[position].bottom = work->level_top[level] + work->node[position].extent + gap;
  else
    work->node[position].bottom = work->level_top[level + 1];
}

/* The breadth-first order of the visible tree. Levels are consecutive in it: level_start
 * records where each begins. A level is complete when the first of its nodes comes up, so
 * its top (level_top) and its nodes' depth coordinates are set as they come. */
static SodoLayoutStatus
build_layout_nodes (SodoLayoutWork *work)
{
  const SodoLayoutTree *tree = work->tree;
  uint32_t tail = 1, level = 0, level_end = 1;
  double gap = work->options.level_gap;
  double max_bottom = 0;

  memset (work->depth, 0xff, (size_t) work->n_nodes * sizeof (uint32_t));
  if (!size_is_valid (tree, tree->root))
    return SODO_LAYOUT_ERROR_BAD_SIZE;
  work->depth[tree->root] = 0;
  work->lnode[0] = tree->root;
  work->level_start[0] = 0;
  work->level_extent[0] = 0;
  work->level_extent[1] = 0;
  init_children (work, 0, 1, 0, 0);
  work->level_top[0] = 0;
  work->level_top[1] = work->level_top[0] + work->level_extent[0] + gap;

  for (uint32_t head = 0; head < tail; head++)
    {
      uint32_t node = work->lnode[head];
      uint32_t start = tail, n_leaves;
      SodoLayoutStatus status;

      if (head == level_end)
        {
          work->level_start[++level] = head;
          work->level_extent[level + 1] = 0;
          level_end = tail;
          work->level_top[level + 1] = work->level_top[level] + work->level_extent[level] + gap;
        }
      place_level_node (work, head, level);
      if (work->node[head].bottom > max_bottom)
        max_bottom = work->node[head].bottom;
      work->node[head].child_first = work->node[head].child_end = start;
      if ((node & _SODO_LAYOUT_BLOCK_BIT) != 0 || is_layout_leaf (tree, node))
        continue;
      status = append_children (work, node, &tail, &n_leaves);
      if (status != SODO_LAYOUT_OK)
        return status;
      if (work->options.compact && n_leaves >= work->options.compact_min_leaves)
        stack_leaves (work, start, &tail);
      init_children (work, start, tail, level + 1, work->node[head].bottom);
      work->node[head].child_end = tail;
      work->n_parents++;
      if (tail - start > work->max_children)
        work->max_children = tail - start;
    }
  work->n_layout = tail;
  work->n_levels = level + 1;
  work->level_start[work->n_levels] = tail;
  /* The deepest far side of a card: for each node, bottom - gap is its own far side or, with
   * align_levels, the far side of the deepest card of its level. */
  work->max_v = max_bottom - gap;
  return SODO_LAYOUT_OK;
}

/* Writes every card and connector, parent by parent, in breadth-first order. */
static void
place_cards (SodoLayoutWork *work)
{
  SodoLayoutIndex *index = work->index;
  uint32_t level = 0, group = 0;
  uint32_t *level_group_start = index->level_group_start;

  _sodo_layout_set_card (work, work->lnode[0], work->node[0].prelim, 0,
                         work->node[0].breadth, work->node[0].extent);
  for (uint32_t i = 0; i < work->n_layout; i++)
    {
      uint32_t parent = work->lnode[i];
      double child_top;

      while (i >= work->level_start[level + 1])
        {
          level++;
          if (level_group_start != NULL)
            level_group_start[level] = group;
        }
      if (work->node[i].child_first == work->node[i].child_end)
        continue;
      index->group_start[group++] = work->n_edges;
      child_top = work->options.align_levels ? work->level_top[level + 1] : work->node[i].bottom;
      for (uint32_t c = work->node[i].child_first; c < work->node[i].child_end; c++)
        {
          uint32_t child = work->lnode[c];

          if ((child & _SODO_LAYOUT_BLOCK_BIT) != 0)
            {
              _sodo_layout_compact_place (work, child & ~_SODO_LAYOUT_BLOCK_BIT, parent,
                                          work->node[c].prelim, child_top);
              continue;
            }
          _sodo_layout_set_card (work, child, work->node[c].prelim, child_top,
                                 work->node[c].breadth, work->node[c].extent);
          _sodo_layout_add_edge (work, parent, child);
        }
    }
  index->group_start[group] = work->n_edges;
  if (level_group_start != NULL)
    {
      while (level < work->n_levels)
        level_group_start[++level] = group;
    }
}

static void
set_bounds (SodoLayoutWork *work)
{
  SodoLayoutRect *bounds = &work->result->bounds;
  float breadth = (float) (work->max_u - work->min_u);
  float extent = (float) work->max_v;

  bounds->x = bounds->y = 0;
  bounds->width = work->transpose ? extent : breadth;
  bounds->height = work->transpose ? breadth : extent;
}

#define ALLOC_ARRAY(ptr, n) \
  (((ptr) = _sodo_layout_alloc ((n), sizeof (*(ptr)))) != NULL)

/* Arrays sized by the number of input nodes: untouched pages of the ones only partly used
 * (levels, blocks) cost nothing. */
static bool
alloc_work (SodoLayoutWork *work)
{
  size_t n = work->n_nodes;
  bool ok = true;

  ok = ok && ALLOC_ARRAY (work->lnode, n);
  ok = ok && ALLOC_ARRAY (work->node, n);
  ok = ok && ALLOC_ARRAY (work->level_start, n + 1);
  ok = ok && ALLOC_ARRAY (work->level_extent, n + 1);
  ok = ok && ALLOC_ARRAY (work->level_top, n + 2);
  if (work->options.compact)
    {
      ok = ok && ALLOC_ARRAY (work->block_start, n + 1);
      ok = ok && ALLOC_ARRAY (work->block_rows, n);
      ok = ok && ALLOC_ARRAY (work->stacked_node, n);
    }
  return ok;
}

static bool
alloc_result (SodoLayoutWork *work)
{
  SodoLayoutResult *result = calloc (1, sizeof (SodoLayoutResult));
  size_t n = work->n_nodes;
  bool ok = true;

  if (result == NULL)
    return false;
  work->result = result;
  result->n_nodes = work->n_nodes;
  result->root = work->tree->root;
  result->orientation = work->options.orientation;
  ok = ok && ALLOC_ARRAY (work->depth, n);
  ok = ok && ALLOC_ARRAY (work->parent_edge, n);
  ok = ok && (work->rects = _sodo_layout_alloc0 (n, sizeof (SodoLayoutRect))) != NULL;
  ok = ok && (work->visible = _sodo_layout_alloc0 (n, 1)) != NULL;
  ok = ok && (work->stacked = _sodo_layout_alloc0 (n, 1)) != NULL;
  result->rects = work->rects;
  result->visible = work->visible;
  result->stacked = work->stacked;
  result->depth = work->depth;
  result->parent_edge = work->parent_edge;
  return ok;
}

static void
free_work (SodoLayoutWork *work)
{
  _sodo_layout_free (work->lnode);
  _sodo_layout_free (work->node);
  _sodo_layout_free (work->level_start);
  _sodo_layout_free (work->level_extent);
  _sodo_layout_free (work->level_top);
  _sodo_layout_free (work->block_start);
  _sodo_layout_free (work->block_rows);
  _sodo_layout_free (work->stacked_node);
  _sodo_layout_free (work->shift);
  _sodo_layout_free (work->change);
  _sodo_layout_free (work->iyl_low);
  _sodo_layout_free (work->iyl_index);
  _sodo_layout_free (work->extreme_lows);
  _sodo_layout_free (work->walk_stack);
}

static SodoLayoutStatus
check_arguments (const SodoLayoutTree    *tree,
                 const SodoLayoutOptions *options)
{
  if (tree == NULL || options == NULL || !options_are_valid (options))
    return SODO_LAYOUT_ERROR_INVALID_ARGUMENT;
  if (tree->n_nodes > SODO_LAYOUT_MAX_NODES)
    return SODO_LAYOUT_ERROR_TOO_LARGE;
  if (tree->first_child == NULL || tree->next_sibling == NULL ||
      tree->width == NULL || tree->height == NULL || tree->root >= tree->n_nodes)
    return SODO_LAYOUT_ERROR_INVALID_ARGUMENT;
  return SODO_LAYOUT_OK;
}


static SodoLayoutStatus
run_layout (SodoLayoutWork *work)
{
  SodoLayoutStatus status;

  if (!alloc_result (work) || !alloc_work (work))
    return SODO_LAYOUT_ERROR_NO_MEMORY;
  status = build_layout_nodes (work);
  if (status != SODO_LAYOUT_OK)
    return status;
  /* One spare edge: the tidy walk borrows n_layout <= n_visible of them. */
  work->result->n_visible = work->n_layout - work->n_blocks + work->n_stacked;
  work->result->n_edges = work->result->n_visible - 1;
  if (!ALLOC_ARRAY (work->edges, work->result->n_visible))
    return SODO_LAYOUT_ERROR_NO_MEMORY;
  work->result->edges = work->edges;

  status = _sodo_layout_tidy_prepare (work);
  if (status != SODO_LAYOUT_OK)
    return status;
  _sodo_layout_tidy_first_walk (work);
  _sodo_layout_tidy_second_walk (work);
  _sodo_layout_tidy_release (work);

  status = _sodo_layout_index_prepare (work);
  if (status != SODO_LAYOUT_OK)
    return status;
  /* Every node but the root gets a connector when all are visible. */
  if (work->result->n_visible < work->n_nodes)
    memset (work->parent_edge, 0xff, (size_t) work->n_nodes * sizeof (uint32_t));
  work->parent_edge[work->tree->root] = SODO_LAYOUT_NONE;
  place_cards (work);
  set_bounds (work);
  status = _sodo_layout_index_build (work);
  return status;
}

SodoLayoutResult *
sodo_layout_compute (const SodoLayoutTree    *tree,
                     const SodoLayoutOptions *options,
                     SodoLayoutStatus        *status)
{
  static const SodoLayoutOptions defaults = SODO_LAYOUT_OPTIONS_INIT;
  SodoLayoutWork work;
  SodoLayoutStatus local_status;

  memset (&work, 0, sizeof work);
  if (options == NULL)
    options = &defaults;
  local_status = check_arguments (tree, options);
  if (local_status == SODO_LAYOUT_OK)
    {
      work.tree = tree;
      work.options = *options;
      work.n_nodes = tree->n_nodes;
      work.transpose = options->orientation == SODO_LAYOUT_LEFT_RIGHT;
      local_status = run_layout (&work);
    }
  free_work (&work);

  if (local_status != SODO_LAYOUT_OK && work.result != NULL)
    {
      /* The result owns what was allocated into it so far. */
      work.result->index = work.index;
      sodo_layout_result_free (work.result);
      work.result = NULL;
    }
  if (status != NULL)
    *status = local_status;
  return work.result;
}

void
sodo_layout_result_free (SodoLayoutResult *result)
{
  if (result == NULL)
    return;
  _sodo_layout_index_free (result->index);
    _sodo_layout_free (result->rects);
  _sodo_layout_free (result->visible);
  _sodo_layout_free (result->stacked);
  _sodo_layout_free (result->depth);
  _sodo_layout_free (result->edges);
  _sodo_layout_free (result->parent_edge);
  free (result);
}
