/* sodo-layout-query.c: sodo_layout_query_rect(), sodo_layout_node_at() and the exact
 * geometry of the index's items (see sodo-layout-index.c for how the index is organised)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-layout-index-private.h"

#include <math.h>
#include <string.h>

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

Box
_sodo_layout_item_box (const SodoLayoutResult *result,
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
#define GROUP_FAR_U(g) _sodo_layout_item_box (result, index, MAKE_ITEM (ITEM_GROUP, (g))).u1
      LOWER_BOUND (index->level_group_start[level], end, GROUP_FAR_U, query->query.u0, group);
#undef GROUP_FAR_U
      for (; group < end; group++)
        {
          Box box = _sodo_layout_item_box (result, index, MAKE_ITEM (ITEM_GROUP, group));

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
  box = _sodo_layout_item_box (query->result, index, item);
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
