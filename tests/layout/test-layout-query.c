/* test-layout-query.c: the spatial index answers exactly what a brute-force search does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-layout-test-check.h"

typedef struct
{
  GArray *nodes;
  GArray *edges;
} Found;

static void
found_node (guint32  index,
            gpointer user_data)
{
  Found *found = user_data;

  g_array_append_val (found->nodes, index);
}

static void
found_edge (guint32  index,
            gpointer user_data)
{
  Found *found = user_data;

  g_array_append_val (found->edges, index);
}

static gint
compare_guint32 (gconstpointer a,
                 gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

static gboolean
ranges_meet (double a0,
             double a1,
             double b0,
             double b1)
{
  return a0 <= b1 && b0 <= a1;
}

/* The closed rectangle [x, x + w] x [y, y + h] meets the card or the connector. */
static gboolean
brute_node_meets (const SodoLayoutResult *r,
                  guint32                 node,
                  double                  x,
                  double                  y,
                  double                  w,
                  double                  h)
{
  const SodoLayoutRect *c = &r->rects[node];

  return r->visible[node] &&
         ranges_meet (c->x, (double) c->x + c->width, x, x + w) &&
         ranges_meet (c->y, (double) c->y + c->height, y, y + h);
}

static gboolean
brute_edge_meets (const SodoLayoutResult *r,
                  guint32                 edge,
                  double                  x,
                  double                  y,
                  double                  w,
                  double                  h)
{
  SodoLayoutPoint p[SODO_LAYOUT_EDGE_MAX_POINTS];
  guint32 n = sodo_layout_edge_get_points (r, edge, p);

  for (guint32 k = 0; k + 1 < n; k++)
    if (ranges_meet (MIN (p[k].x, p[k + 1].x), MAX (p[k].x, p[k + 1].x), x, x + w) &&
        ranges_meet (MIN (p[k].y, p[k + 1].y), MAX (p[k].y, p[k + 1].y), y, y + h))
      return TRUE;
  return FALSE;
}

static void
assert_sorted_equal_without_duplicates (GArray *got,
                                        GArray *expected)
{
  g_array_sort (got, compare_guint32);
  for (guint i = 1; i < got->len; i++)
    g_assert_cmpuint (g_array_index (got, guint32, i - 1), <, g_array_index (got, guint32, i));
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_cmpuint (g_array_index (got, guint32, i), ==, g_array_index (expected, guint32, i));
}

/* One query, compared with brute force, through all three entry points. */
static guint
check_query (const SodoLayoutResult *r,
             double                  x,
             double                  y,
             double                  w,
             double                  h)
{
  Found found = { g_array_new (FALSE, FALSE, sizeof (guint32)),
                  g_array_new (FALSE, FALSE, sizeof (guint32)) };
  GArray *expected_nodes = g_array_new (FALSE, FALSE, sizeof (guint32));
  GArray *expected_edges = g_array_new (FALSE, FALSE, sizeof (guint32));
  size_t n_reported;
  guint32 *out;
  size_t n_out, n_total;
  guint n_expected;

  n_reported = sodo_layout_query_rect (r, x, y, w, h, found_node, found_edge, &found);
  if (w >= 0 && h >= 0)
    {
      for (guint32 i = 0; i < r->n_nodes; i++)
        if (brute_node_meets (r, i, x, y, w, h))
          g_array_append_val (expected_nodes, i);
      for (guint32 e = 0; e < r->n_edges; e++)
        if (brute_edge_meets (r, e, x, y, w, h))
          g_array_append_val (expected_edges, e);
    }
  g_assert_cmpuint (n_reported, ==, found.nodes->len + found.edges->len);
  assert_sorted_equal_without_duplicates (found.nodes, expected_nodes);
  assert_sorted_equal_without_duplicates (found.edges, expected_edges);

  /* The array forms agree, and report the full count when the array is too small. */
  n_total = sodo_layout_query_nodes (r, x, y, w, h, NULL, 0);
  g_assert_cmpuint (n_total, ==, expected_nodes->len);
  out = g_new (guint32, n_total + 1);
  n_out = sodo_layout_query_nodes (r, x, y, w, h, out, n_total / 2);
  g_assert_cmpuint (n_out, ==, n_total);
  g_free (out);
  g_assert_cmpuint (sodo_layout_query_edges (r, x, y, w, h, NULL, 0), ==, expected_edges->len);

  n_expected = expected_nodes->len + expected_edges->len;
  g_array_unref (found.nodes);
  g_array_unref (found.edges);
  g_array_unref (expected_nodes);
  g_array_unref (expected_edges);
  return n_expected;
}

/* A coordinate something in the chart has exactly, so that touching is tested too. */
static void
pick_exact_coordinate (const SodoLayoutResult *r,
                       GRand                  *rand,
                       double                 *x,
                       double                 *y)
{
  if (r->n_edges > 0 && g_rand_boolean (rand))
    {
      SodoLayoutPoint p[SODO_LAYOUT_EDGE_MAX_POINTS];
      guint32 n = sodo_layout_edge_get_points (r, g_rand_int_range (rand, 0, r->n_edges), p);
      guint32 k = g_rand_int_range (rand, 0, n);

      *x = p[k].x;
      *y = p[k].y;
    }
  else
    {
      guint32 node;

      do
        node = g_rand_int_range (rand, 0, r->n_nodes);
      while (!r->visible[node]);
      *x = r->rects[node].x + (g_rand_boolean (rand) ? (double) r->rects[node].width : 0);
      *y = r->rects[node].y + (g_rand_boolean (rand) ? (double) r->rects[node].height : 0);
    }
}

static guint
check_random_queries (const SodoLayoutResult *r,
                      GRand                  *rand,
                      guint                   n_queries)
{
  double bw = r->bounds.width, bh = r->bounds.height;
  guint n_found = 0;

  for (guint q = 0; q < n_queries; q++)
    {
      double x = g_rand_double_range (rand, -0.1 * bw - 10, 1.1 * bw + 10);
      double y = g_rand_double_range (rand, -0.1 * bh - 10, 1.1 * bh + 10);
      double w, h;

      switch (q % 6)
        {
        case 0: /* a viewport */
          w = g_rand_double_range (rand, 200, 1200);
          h = g_rand_double_range (rand, 150, 900);
          break;
        case 1: /* a sliver */
          w = g_rand_double_range (rand, 0, 3);
          h = g_rand_double_range (rand, 0, 3) * bh;
          break;
        case 2: /* a large part of the chart */
          w = g_rand_double_range (rand, 0, 0.5) * bw;
          h = g_rand_double_range (rand, 0, 0.5) * bh;
          break;
        case 3: /* a point or a line on exact coordinates */
          pick_exact_coordinate (r, rand, &x, &y);
          w = g_rand_boolean (rand) ? 0 : g_rand_double_range (rand, 0, 100);
          h = g_rand_boolean (rand) ? 0 : g_rand_double_range (rand, 0, 100);
          break;
        case 4: /* ending exactly on something */
          pick_exact_coordinate (r, rand, &w, &h);
          x = w - g_rand_double_range (rand, 0, 300);
          y = h - g_rand_double_range (rand, 0, 300);
          w -= x;
          h -= y;
          break;
        default: /* the whole chart and more, or nothing */
          if (g_rand_boolean (rand))
            {
              x = -5;
              y = -5;
              w = bw + 10;
              h = bh + 10;
            }
          else
            {
              w = -g_rand_double_range (rand, 0.5, 10);
              h = 10;
            }
          break;
        }
      n_found += check_query (r, x, y, w, h);
    }
  return n_found;
}

static void
check_node_at (const SodoLayoutResult *r,
               GRand                  *rand,
               guint                   n_points)
{
  for (guint q = 0; q < n_points; q++)
    {
      double x, y;
      guint32 expected = SODO_LAYOUT_NONE;

      if (q % 2 == 0)
        pick_exact_coordinate (r, rand, &x, &y);
      else
        {
          x = g_rand_double_range (rand, -10, r->bounds.width + 10);
          y = g_rand_double_range (rand, -10, r->bounds.height + 10);
        }
      for (guint32 i = 0; i < r->n_nodes && expected == SODO_LAYOUT_NONE; i++)
        if (brute_node_meets (r, i, x, y, 0, 0))
          expected = i;
      g_assert_cmpuint (sodo_layout_node_at (r, x, y), ==, expected);
    }
}

static void
randomize_options (SodoLayoutOptions *o,
                   GRand             *rand)
{
  sodo_layout_options_init (o);
  o->orientation = g_rand_boolean (rand) ? SODO_LAYOUT_LEFT_RIGHT : SODO_LAYOUT_TOP_DOWN;
  o->sibling_gap = (float) g_rand_double_range (rand, 0, 40);
  o->subtree_gap = (float) g_rand_double_range (rand, 0, 60);
  o->level_gap = (float) g_rand_double_range (rand, 0, 80);
  o->align_levels = g_rand_boolean (rand);
  o->compact = g_rand_boolean (rand);
  o->compact_min_leaves = (guint32) g_rand_int_range (rand, 1, 8);
  o->compact_indent = (float) g_rand_double_range (rand, 1, 30);
}

/* Random trees, options and rectangles: the index finds exactly the brute-force answer,
 * each card and connector once. */
static void
test_query_brute_force (void)
{
  guint n_found = 0;

  for (guint32 seed = 1; seed <= 120; seed++)
    {
      GRand *rand = g_rand_new_with_seed (seed * 31);
      guint32 n = (guint32) g_rand_int_range (rand, 1, seed % 8 == 0 ? 4000 : 600);
      TestTree *t = seed % 2 ? test_tree_new_realistic (n, rand, g_rand_int_range (rand, 3, 10))
                             : test_tree_new_random (n, rand);
      SodoLayoutOptions o;
      SodoLayoutResult *r;

      if (seed % 2 == 0)
        test_tree_random_sizes (t, rand, 0, 250, 0, 120);
      if (seed % 5 == 0)
        {
          for (guint32 i = 0; i < n; i++)
            t->collapsed[i] = g_rand_int_range (rand, 0, 10) == 0;
          t->tree.collapsed = t->collapsed;
        }
      randomize_options (&o, rand);
      r = compute_checked (t, &o);
      n_found += check_random_queries (r, rand, 60);
      check_node_at (r, rand, 60);
      sodo_layout_result_free (r);
      test_tree_free (t);
      g_rand_free (rand);
    }
  /* The queries are not all empty. */
  g_assert_cmpuint (n_found, >, 10000);
}

/* A wide fan-out, plain and stacked: long buses and compact columns are indexed by piece. */
static void
test_query_wide (void)
{
  for (guint32 pass = 0; pass < 4; pass++)
    {
      GRand *rand = g_rand_new_with_seed (77 + pass);
      TestTree *t = test_tree_new (3000);
      SodoLayoutOptions o = SODO_LAYOUT_OPTIONS_INIT;
      SodoLayoutResult *r;

      /* The root has 2,000 children; every 100th has ten more. */
      for (guint32 i = 1; i <= 2000; i++)
        test_tree_add_child (t, 0, i);
      for (guint32 i = 2001; i < 3000; i++)
        test_tree_add_child (t, ((i - 2001) / 10) * 20 + 1, i);
      test_tree_random_sizes (t, rand, 80, 200, 30, 90);
      o.compact = pass >= 2;
      o.orientation = pass % 2 ? SODO_LAYOUT_LEFT_RIGHT : SODO_LAYOUT_TOP_DOWN;
      r = compute_checked (t, &o);
      check_layout (t, &o, r);
      check_random_queries (r, rand, 150);
      check_node_at (r, rand, 200);
      sodo_layout_result_free (r);
      test_tree_free (t);
      g_rand_free (rand);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/query/brute-force", test_query_brute_force);
  g_test_add_func ("/layout/query/wide", test_query_wide);

  return g_test_run ();
}
