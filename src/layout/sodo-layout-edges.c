/* sodo-layout-edges.c: the orthogonal connectors, recomputed from the cards on demand
 *
 * Every connector leaves its parent's card in the middle of its far side, goes to the bus in
 * the middle of the level gap below the parent (with align_levels: below the deepest card
 * of the level, so all buses of a level are in line), then along the bus. An ordinary child
 * is reached straight down; a stacked leaf through its column's bus and a short stub.
 *
 * Each coordinate is rounded to float once, from the stored (float) cards, so the spatial
 * index and the renderer see exactly the same polyline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-layout-private.h"

uint32_t
_sodo_layout_edge_points_uv (const SodoLayoutResult *result,
                             uint32_t                edge,
                             double                  u[SODO_LAYOUT_EDGE_MAX_POINTS],
                             double                  v[SODO_LAYOUT_EDGE_MAX_POINTS])
{
  const SodoLayoutIndex *index = result->index;
  uint32_t parent = result->edges[edge].parent;
  uint32_t child = result->edges[edge].child;
  SodoLayoutBox parent_box = _sodo_layout_card_box (result, index->transpose, parent);
  SodoLayoutBox child_box = _sodo_layout_card_box (result, index->transpose, child);
  double bus = _sodo_layout_bus_v (index, result->depth[parent], parent_box);

  u[0] = u[1] = (float) ((parent_box.u0 + parent_box.u1) / 2);
  v[0] = (float) parent_box.v1;
  v[1] = v[2] = bus;

  if (!result->stacked[child])
    {
      u[2] = u[3] = (float) ((child_box.u0 + child_box.u1) / 2);
      v[3] = child_box.v0;
      return 4;
    }

  u[2] = u[3] = (float) (child_box.u0 - index->compact_indent);
  v[3] = v[4] = (float) ((child_box.v0 + child_box.v1) / 2);
  u[4] = child_box.u0;
  return 5;
}

uint32_t
sodo_layout_edge_get_points (const SodoLayoutResult *result,
                             uint32_t                edge,
                             SodoLayoutPoint         points[SODO_LAYOUT_EDGE_MAX_POINTS])
{
  double u[SODO_LAYOUT_EDGE_MAX_POINTS], v[SODO_LAYOUT_EDGE_MAX_POINTS];
  uint32_t n_points;
  bool transpose;

  if (result == NULL || points == NULL || edge >= result->n_edges)
    return 0;
  transpose = result->index->transpose;
  n_points = _sodo_layout_edge_points_uv (result, edge, u, v);
  for (uint32_t k = 0; k < n_points; k++)
    {
      points[k].x = (float) (transpose ? v[k] : u[k]);
      points[k].y = (float) (transpose ? u[k] : v[k]);
    }
  return n_points;
}
