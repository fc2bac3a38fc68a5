/* sodo-layout-test-check.h: checks every promise of sodo-layout.h on one layout
 *
 * Independent of the layout's own code: visibility is recomputed from the input, overlaps are
 * found with the test's own grid, connectors are checked point by point.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>
#include <string.h>

#include "sodo-layout-test-trees.h"

/* A rectangle in the orientation-free frame: u along siblings, v along levels. */
typedef struct
{
  double u0, v0, u1, v1;
} UVBox;

static inline UVBox
uv_card (const SodoLayoutResult *r,
         guint32                 node)
{
  const SodoLayoutRect *rect = &r->rects[node];

  if (r->orientation == SODO_LAYOUT_LEFT_RIGHT)
    return (UVBox) { rect->y, rect->x, (double) rect->y + rect->height,
                     (double) rect->x + rect->width };
  return (UVBox) { rect->x, rect->y, (double) rect->x + rect->width,
                   (double) rect->y + rect->height };
}

static inline void
uv_point (const SodoLayoutResult *r,
          SodoLayoutPoint         p,
          double                 *u,
          double                 *v)
{
  *u = r->orientation == SODO_LAYOUT_LEFT_RIGHT ? p.y : p.x;
  *v = r->orientation == SODO_LAYOUT_LEFT_RIGHT ? p.x : p.y;
}

/* Float rounding of coordinates as large as the chart. */
static inline double
check_tolerance (const SodoLayoutResult *r)
{
  return 4e-7 * ((double) r->bounds.width + r->bounds.height) + 1e-3;
}

static inline gboolean
node_is_leaf_for_layout (const TestTree *t,
                         guint32         node)
{
  return t->first_child[node] == SODO_LAYOUT_NONE ||
         (t->tree.collapsed != NULL && t->tree.collapsed[node]);
}

/* Visibility and depth, recomputed from the input. */
static inline void
check_visibility (const TestTree         *t,
                  const SodoLayoutResult *r)
{
  guint32 n = t->tree.n_nodes, n_visible = 0;
  guint32 *queue = g_new (guint32, n);
  guint32 *depth = g_new (guint32, n);
  guint32 head = 0, tail = 0;

  for (guint32 i = 0; i < n; i++)
    depth[i] = SODO_LAYOUT_NONE;
  queue[tail++] = t->tree.root;
  depth[t->tree.root] = 0;
  while (head < tail)
    {
      guint32 node = queue[head++];

      n_visible++;
      if (node_is_leaf_for_layout (t, node))
        continue;
      for (guint32 c = t->first_child[node]; c != SODO_LAYOUT_NONE; c = t->next_sibling[c])
        {
          depth[c] = depth[node] + 1;
          queue[tail++] = c;
        }
    }
  g_assert_cmpuint (r->n_nodes, ==, n);
  g_assert_cmpuint (r->n_visible, ==, n_visible);
  for (guint32 i = 0; i < n; i++)
    {
      g_assert_cmpuint (r->depth[i], ==, depth[i]);
      g_assert_cmpuint (r->visible[i], ==, depth[i] != SODO_LAYOUT_NONE);
      if (depth[i] == SODO_LAYOUT_NONE)
        {
          g_assert_cmpfloat (r->rects[i].width, ==, 0);
          g_assert_cmpuint (r->parent_edge[i], ==, SODO_LAYOUT_NONE);
          g_assert_false (r->stacked[i]);
        }
      else
        {
          /* Cards keep their size exactly: the orientation only moves them. */
          g_assert_cmpfloat (r->rects[i].width, ==, t->width[i]);
          g_assert_cmpfloat (r->rects[i].height, ==, t->height[i]);
        }
    }
  g_free (queue);
  g_free (depth);
}

static inline void
check_bounds (const SodoLayoutResult *r)
{
  double tol = check_tolerance (r);
  double min_x = INFINITY, min_y = INFINITY, max_x = 0, max_y = 0;

  g_assert_cmpfloat (r->bounds.x, ==, 0);
  g_assert_cmpfloat (r->bounds.y, ==, 0);
  for (guint32 i = 0; i < r->n_nodes; i++)
    if (r->visible[i])
      {
        const SodoLayoutRect *c = &r->rects[i];

        min_x = MIN (min_x, c->x);
        min_y = MIN (min_y, c->y);
        max_x = MAX (max_x, (double) c->x + c->width);
        max_y = MAX (max_y, (double) c->y + c->height);
      }
  for (guint32 e = 0; e < r->n_edges; e++)
    {
      SodoLayoutPoint points[SODO_LAYOUT_EDGE_MAX_POINTS];
      guint32 n_points = sodo_layout_edge_get_points (r, e, points);

      for (guint32 k = 0; k < n_points; k++)
        {
          min_x = MIN (min_x, points[k].x);
          min_y = MIN (min_y, points[k].y);
          max_x = MAX (max_x, points[k].x);
          max_y = MAX (max_y, points[k].y);
        }
    }
  /* The bounds are tight: something touches each side. */
  g_assert_cmpfloat (fabs (min_x), <=, tol);
  g_assert_cmpfloat (fabs (min_y), <=, tol);
  g_assert_cmpfloat (fabs (max_x - r->bounds.width), <=, tol);
  g_assert_cmpfloat (fabs (max_y - r->bounds.height), <=, tol);
}

/* Signed distance between two intervals (negative when they overlap). */
static inline double
interval_gap (double a0,
              double a1,
              double b0,
              double b1)
{
  return MAX (b0 - a1, a0 - b1);
}

typedef struct
{
  double min_u_gap;   /* between cards whose v ranges overlap */
  double min_v_gap;   /* between cards whose u ranges overlap */
  double tol;
  guint64 n_pairs;
} Clearance;

static inline void
check_pair_clearance (Clearance *clearance,
                      UVBox      a,
                      UVBox      b)
{
  double u_gap = interval_gap (a.u0, a.u1, b.u0, b.u1);
  double v_gap = interval_gap (a.v0, a.v1, b.v0, b.v1);

  clearance->n_pairs++;
  if (u_gap >= clearance->min_u_gap - clearance->tol ||
      v_gap >= clearance->min_v_gap - clearance->tol)
    return;
  g_error ("cards too close: (%g,%g)-(%g,%g) and (%g,%g)-(%g,%g), gaps %g, %g",
           a.u0, a.v0, a.u1, a.v1, b.u0, b.v0, b.u1, b.v1, u_gap, v_gap);
}

/* No two visible cards overlap, and any two are apart by at least the smallest gap along one
 * axis. Uses the test's own grid (cells as large as the largest card plus the gaps), so it is
 * linear for realistic trees; small layouts are also checked pair by pair. */
static inline void
check_clearance (const TestTree          *t,
                 const SodoLayoutOptions *o,
                 const SodoLayoutResult  *r)
{
  Clearance clearance = { MIN (o->sibling_gap, o->subtree_gap),
                          o->compact ? MIN (o->level_gap, o->sibling_gap) : o->level_gap,
                          check_tolerance (r), 0 };
  guint32 n = r->n_nodes, n_visible = 0;
  guint32 *visible = g_new (guint32, r->n_visible);
  double cell_u = 1, cell_v = 1, pad_u = clearance.min_u_gap, pad_v = clearance.min_v_gap;
  double breadth;
  guint32 columns;
  GHashTable *cells;

  for (guint32 i = 0; i < n; i++)
    if (r->visible[i])
      {
        UVBox b = uv_card (r, i);

        visible[n_visible++] = i;
        cell_u = MAX (cell_u, b.u1 - b.u0 + pad_u);
        cell_v = MAX (cell_v, b.v1 - b.v0 + pad_v);
      }
  (void) t;

  if (n_visible <= 400)
    for (guint32 a = 0; a < n_visible; a++)
      for (guint32 b = a + 1; b < n_visible; b++)
        check_pair_clearance (&clearance, uv_card (r, visible[a]), uv_card (r, visible[b]));

  /* Each card goes in the cells its padded box covers; pairs closer than the padding share
   * a cell. Cells are keys of a hash table of lists, so that empty space costs nothing. */
  breadth = r->orientation == SODO_LAYOUT_LEFT_RIGHT ? r->bounds.height : r->bounds.width;
  columns = (guint32) (breadth / cell_u) + 2;
  cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                 (GDestroyNotify) g_array_unref);
  for (guint32 k = 0; k < n_visible; k++)
    {
      UVBox b = uv_card (r, visible[k]);
      gint64 c0 = (gint64) floor ((b.u0 - pad_u) / cell_u);
      gint64 c1 = (gint64) floor ((b.u1 + pad_u) / cell_u);
      gint64 r0 = (gint64) floor ((b.v0 - pad_v) / cell_v);
      gint64 r1 = (gint64) floor ((b.v1 + pad_v) / cell_v);

      for (gint64 row = r0; row <= r1; row++)
        for (gint64 column = c0; column <= c1; column++)
          {
            gint64 key = (row + 1) * (gint64) (columns + 2) + column + 1;
            GArray *list = g_hash_table_lookup (cells, &key);

            if (list == NULL)
              {
                gint64 *stored = g_new (gint64, 1);

                *stored = key;
                list = g_array_new (FALSE, FALSE, sizeof (guint32));
                g_hash_table_insert (cells, stored, list);
              }
            for (guint a = 0; a < list->len; a++)
              check_pair_clearance (&clearance, uv_card (r, g_array_index (list, guint32, a)), b);
            g_array_append_val (list, visible[k]);
          }
    }
  g_hash_table_unref (cells);
  g_free (visible);
}

/* The children of @parent as the layout places them: ordinary children, and one unit for a
 * compact stack standing where its first leaf was, with its box including the column buses. */
typedef struct
{
  UVBox   box;
  gboolean is_stack;
} ChildUnit;

static inline GArray *
child_units (const TestTree          *t,
             const SodoLayoutOptions *o,
             const SodoLayoutResult  *r,
             guint32                  parent)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (ChildUnit));
  gint stack_unit = -1;

  for (guint32 c = t->first_child[parent]; c != SODO_LAYOUT_NONE; c = t->next_sibling[c])
    {
      UVBox b = uv_card (r, c);

      if (!r->stacked[c])
        {
          ChildUnit unit = { b, FALSE };

          g_array_append_val (units, unit);
          continue;
        }
      b.u0 -= o->compact_indent;
      if (stack_unit < 0)
        {
          ChildUnit unit = { b, TRUE };

          stack_unit = (gint) units->len;
          g_array_append_val (units, unit);
        }
      else
        {
          ChildUnit *unit = &g_array_index (units, ChildUnit, stack_unit);

          unit->box.u0 = MIN (unit->box.u0, b.u0);
          unit->box.u1 = MAX (unit->box.u1, b.u1);
          unit->box.v0 = MIN (unit->box.v0, b.v0);
          unit->box.v1 = MAX (unit->box.v1, b.v1);
        }
    }
  return units;
}

/* Stacked leaves: only leaves, only with enough of them, column by column, columns in
 * order, the stack roughly square. */
static inline void
check_stack (const TestTree          *t,
             const SodoLayoutOptions *o,
             const SodoLayoutResult  *r,
             guint32                  parent,
             const ChildUnit         *unit)
{
  double tol = check_tolerance (r);
  guint32 previous = SODO_LAYOUT_NONE, n_leaves = 0, n_columns = 0;
  double aspect;

  for (guint32 c = t->first_child[parent]; c != SODO_LAYOUT_NONE; c = t->next_sibling[c])
    {
      UVBox b, p;

      if (!r->stacked[c])
        continue;
      g_assert_true (node_is_leaf_for_layout (t, c));
      n_leaves++;
      b = uv_card (r, c);
      if (previous == SODO_LAYOUT_NONE)
        {
          n_columns = 1;
          g_assert_cmpfloat (fabs (b.v0 - unit->box.v0), <=, tol);
          previous = c;
          continue;
        }
      p = uv_card (r, previous);
      if (b.u0 == p.u0)
        g_assert_cmpfloat (b.v0, >=, p.v1 + o->sibling_gap - tol);
      else
        {
          /* A new column: to the right of the previous one, starting at the top. */
          n_columns++;
          g_assert_cmpfloat (b.u0 - o->compact_indent, >=, p.u1 + o->sibling_gap - tol);
          g_assert_cmpfloat (fabs (b.v0 - unit->box.v0), <=, tol);
        }
      previous = c;
    }
  g_assert_cmpuint (n_leaves, >=, o->compact_min_leaves);
  /* Every leaf child is stacked, none is left beside the stack. */
  for (guint32 c = t->first_child[parent]; c != SODO_LAYOUT_NONE; c = t->next_sibling[c])
    g_assert_cmpuint (r->stacked[c], ==, node_is_leaf_for_layout (t, c));
  /* Roughly square: within 4:1 either way, unless no other number of columns could do
   * better (one column already too wide, or one row already too tall). */
  aspect = (unit->box.u1 - unit->box.u0 + 1) / (unit->box.v1 - unit->box.v0 + 1);
  if (n_leaves >= 6)
    {
      if (aspect < 0.25)
        g_assert_cmpuint (n_columns, ==, n_leaves);
      if (aspect > 4.0)
        g_assert_cmpuint (n_columns, ==, 1);
    }
  g_assert_cmpuint (n_columns, <=, n_leaves);
}

/* Order, centring and depth of each visible parent's children. */
static inline void
check_families (const TestTree          *t,
                const SodoLayoutOptions *o,
                const SodoLayoutResult  *r)
{
  double tol = check_tolerance (r);

  for (guint32 parent = 0; parent < r->n_nodes; parent++)
    {
      GArray *units;
      UVBox pb;
      double first_centre, last_centre;

      if (!r->visible[parent] || node_is_leaf_for_layout (t, parent))
        continue;
      units = child_units (t, o, r, parent);
      pb = uv_card (r, parent);
      for (guint k = 0; k < units->len; k++)
        {
          ChildUnit *unit = &g_array_index (units, ChildUnit, k);

          if (k > 0)
            g_assert_cmpfloat (unit->box.u0, >=,
                               g_array_index (units, ChildUnit, k - 1).box.u1 +
                               o->sibling_gap - tol);
          /* Depth: right below the parent, or on the level's line. */
          if (o->align_levels)
            g_assert_cmpfloat (unit->box.v0, >=, pb.v1 + o->level_gap - tol);
          else
            g_assert_cmpfloat (fabs (unit->box.v0 - (pb.v1 + o->level_gap)), <=, tol);
          if (unit->is_stack)
            check_stack (t, o, r, parent, unit);
        }
      first_centre = (g_array_index (units, ChildUnit, 0).box.u0 +
                      g_array_index (units, ChildUnit, 0).box.u1) / 2;
      last_centre = (g_array_index (units, ChildUnit, units->len - 1).box.u0 +
                     g_array_index (units, ChildUnit, units->len - 1).box.u1) / 2;
      g_assert_cmpfloat (fabs ((pb.u0 + pb.u1) / 2 - (first_centre + last_centre) / 2), <=,
                         tol);
      g_array_unref (units);
    }
}

/* With align_levels, every unstacked card of a depth starts at the same v, levels are as
 * deep as their deepest card (the first row of a stack counts) and level_gap apart. */
static inline void
check_levels (const TestTree          *t,
              const SodoLayoutOptions *o,
              const SodoLayoutResult  *r)
{
  double tol = check_tolerance (r);
  guint32 n_levels = 0;
  double *level_v, *level_extent;

  if (!o->align_levels)
    return;
  for (guint32 i = 0; i < r->n_nodes; i++)
    if (r->visible[i])
      n_levels = MAX (n_levels, r->depth[i] + 1);
  level_v = g_new (double, n_levels);
  level_extent = g_new0 (double, n_levels);
  for (guint32 d = 0; d < n_levels; d++)
    level_v[d] = INFINITY;
  /* A level's line is where its highest card starts (the top row of a stack included). */
  for (guint32 i = 0; i < r->n_nodes; i++)
    if (r->visible[i])
      level_v[r->depth[i]] = MIN (level_v[r->depth[i]], uv_card (r, i).v0);
  for (guint32 i = 0; i < r->n_nodes; i++)
    {
      UVBox b;
      guint32 d = r->depth[i];

      if (!r->visible[i])
        continue;
      b = uv_card (r, i);
      /* Every unstacked card on the line; a stacked one on it only at the top of its column. */
      if (!r->stacked[i])
        g_assert_cmpfloat (b.v0, ==, level_v[d]);
      if (b.v0 == level_v[d])
        level_extent[d] = MAX (level_extent[d], b.v1 - b.v0);
    }
  for (guint32 d = 1; d < n_levels; d++)
    g_assert_cmpfloat (fabs (level_v[d] - (level_v[d - 1] + level_extent[d - 1] +
                                             o->level_gap)), <=, tol);
  (void) t;
  g_free (level_v);
  g_free (level_extent);
}

/* Connectors: one per visible child, grouped by parent in child order, orthogonal, from the
 * middle of the parent's far side to the child. */
static inline void
check_edges (const TestTree          *t,
             const SodoLayoutOptions *o,
             const SodoLayoutResult  *r)
{
  double tol = check_tolerance (r);
  GArray *expected = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint next_expected = 0;

  g_assert_cmpuint (r->n_edges, ==, r->n_visible - 1);
  g_assert_cmpuint (r->parent_edge[t->tree.root], ==, SODO_LAYOUT_NONE);
  for (guint32 e = 0; e < r->n_edges; e++)
    {
      const SodoLayoutEdge *edge = &r->edges[e];
      SodoLayoutPoint points[SODO_LAYOUT_EDGE_MAX_POINTS];
      guint32 n_points = sodo_layout_edge_get_points (r, e, points);
      UVBox pb = uv_card (r, edge->parent), cb = uv_card (r, edge->child);
      double u, v, last_u, last_v;

      g_assert_cmpuint (t->parent[edge->child], ==, edge->parent);
      g_assert_cmpuint (r->parent_edge[edge->child], ==, e);
      g_assert_true (r->visible[edge->child]);
      /* Grouped by parent, children in input order but a stack's leaves together. */
      if (e == 0 || r->edges[e - 1].parent != edge->parent)
        {
          gboolean stack_done = FALSE;

          g_assert_cmpuint (next_expected, ==, expected->len);
          g_array_set_size (expected, 0);
          next_expected = 0;
          for (guint32 c = t->first_child[edge->parent]; c != SODO_LAYOUT_NONE;
               c = t->next_sibling[c])
            if (!r->stacked[c])
              g_array_append_val (expected, c);
            else if (!stack_done)
              {
                for (guint32 s = c; s != SODO_LAYOUT_NONE; s = t->next_sibling[s])
                  if (r->stacked[s])
                    g_array_append_val (expected, s);
                stack_done = TRUE;
              }
        }
      g_assert_cmpuint (next_expected, <, expected->len);
      g_assert_cmpuint (edge->child, ==, g_array_index (expected, guint32, next_expected));
      next_expected++;

      g_assert_cmpuint (n_points, ==, r->stacked[edge->child] ? 5 : 4);
      uv_point (r, points[0], &u, &v);
      g_assert_cmpfloat (fabs (u - (pb.u0 + pb.u1) / 2), <=, tol);
      g_assert_cmpfloat (fabs (v - pb.v1), <=, tol);
      for (guint32 k = 1; k < n_points; k++)
        g_assert_true (points[k].x == points[k - 1].x || points[k].y == points[k - 1].y);
      /* The bus is in the gap between the parent and its children. */
      uv_point (r, points[1], &u, &v);
      g_assert_cmpfloat (v, >=, pb.v1 - tol);
      if (!o->align_levels)
        g_assert_cmpfloat (fabs (v - (pb.v1 + o->level_gap / 2)), <=, tol);
      g_assert_cmpfloat (v, <=, cb.v0 + tol);
      uv_point (r, points[n_points - 1], &last_u, &last_v);
      if (n_points == 4)
        {
          g_assert_cmpfloat (fabs (last_u - (cb.u0 + cb.u1) / 2), <=, tol);
          g_assert_cmpfloat (fabs (last_v - cb.v0), <=, tol);
        }
      else
        {
          g_assert_cmpfloat (fabs (last_u - cb.u0), <=, tol);
          g_assert_cmpfloat (fabs (last_v - (cb.v0 + cb.v1) / 2), <=, tol);
        }
    }
  g_assert_cmpuint (next_expected, ==, expected->len);
  g_assert_cmpuint (sodo_layout_edge_get_points (r, r->n_edges, NULL), ==, 0);
  g_array_unref (expected);
}

static inline void
check_layout (const TestTree          *t,
              const SodoLayoutOptions *o,
              const SodoLayoutResult  *r)
{
  check_visibility (t, r);
  check_bounds (r);
  check_clearance (t, o, r);
  check_families (t, o, r);
  check_levels (t, o, r);
  check_edges (t, o, r);
}

static inline SodoLayoutResult *
compute_checked (const TestTree          *t,
                 const SodoLayoutOptions *o)
{
  SodoLayoutStatus status = SODO_LAYOUT_ERROR_NO_MEMORY;
  SodoLayoutResult *r = sodo_layout_compute (&t->tree, o, &status);

  g_assert_cmpstr (sodo_layout_status_to_string (status), ==, "ok");
  g_assert_nonnull (r);
  return r;
}
