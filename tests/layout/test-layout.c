/* test-layout.c: the tidy-tree layout: exact small cases, properties on many random trees,
 * collapse, compact stacks, orientation, determinism, bad input, and million-node trees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-layout-test-check.h"

static void
test_options_defaults (void)
{
  SodoLayoutOptions a = SODO_LAYOUT_OPTIONS_INIT, b;

  memset (&b, 0x5a, sizeof b);
  sodo_layout_options_init (&b);
  g_assert_cmpint (a.orientation, ==, b.orientation);
  g_assert_cmpfloat (a.sibling_gap, ==, b.sibling_gap);
  g_assert_cmpfloat (a.subtree_gap, ==, b.subtree_gap);
  g_assert_cmpfloat (a.level_gap, ==, b.level_gap);
  g_assert_cmpint (a.align_levels, ==, b.align_levels);
  g_assert_cmpint (a.compact, ==, b.compact);
  g_assert_cmpuint (b.compact_min_leaves, ==, 6);
  g_assert_cmpfloat (a.compact_indent, ==, b.compact_indent);
  g_assert_true (b.align_levels);
  g_assert_false (b.compact);
}

static void
test_single_node (void)
{
  TestTree *t = test_tree_new (1);
  SodoLayoutResult *r;

  t->width[0] = 123;
  t->height[0] = 45;
  r = compute_checked (t, NULL);
  g_assert_cmpuint (r->n_visible, ==, 1);
  g_assert_cmpuint (r->n_edges, ==, 0);
  g_assert_cmpfloat (r->rects[0].x, ==, 0);
  g_assert_cmpfloat (r->rects[0].y, ==, 0);
  g_assert_cmpfloat (r->bounds.width, ==, 123);
  g_assert_cmpfloat (r->bounds.height, ==, 45);
  g_assert_cmpuint (sodo_layout_node_at (r, 60, 20), ==, 0);
  g_assert_cmpuint (sodo_layout_node_at (r, 124, 20), ==, SODO_LAYOUT_NONE);
  sodo_layout_result_free (r);
  test_tree_free (t);
}

/* Numbers worked out by hand: three 100x40 children under a 60x30 root, gaps 20/40/50. */
static void
test_small_exact (void)
{
  SodoLayoutOptions o = SODO_LAYOUT_OPTIONS_INIT;
  TestTree *t = test_tree_new (5);
  SodoLayoutResult *r;
  SodoLayoutPoint points[SODO_LAYOUT_EDGE_MAX_POINTS];

  o.sibling_gap = 20;
  o.subtree_gap = 40;
  o.level_gap = 50;
  for (guint32 i = 1; i <= 3; i++)
    {
      test_tree_add_child (t, 0, i);
      t->width[i] = 100;
      t->height[i] = 40;
    }
  test_tree_add_child (t, 1, 4);
  t->width[0] = 60;
  t->height[0] = 30;
  t->width[4] = 300;
  t->height[4] = 10;
  r = compute_checked (t, &o);
  check_layout (t, &o, r);

  /* Node 4 (300 wide) under node 1 pushes node 1's subtree: node 1 is centred over it. */
  g_assert_cmpfloat (r->rects[4].x, ==, 0);
  g_assert_cmpfloat (r->rects[4].y, ==, 30 + 50 + 40 + 50);
  g_assert_cmpfloat (r->rects[1].x, ==, 100);
  g_assert_cmpfloat (r->rects[1].y, ==, 80);
  /* Node 2 clears node 1 by the sibling gap, and node 4 (a cousin level below, nothing
   * there) does not push it further. */
  g_assert_cmpfloat (r->rects[2].x, ==, 220);
  g_assert_cmpfloat (r->rects[3].x, ==, 340);
  /* Root centred between the centres of its first and last children: (150 + 390) / 2. */
  g_assert_cmpfloat (r->rects[0].x, ==, 270 - 30);
  g_assert_cmpfloat (r->bounds.width, ==, 440);
  g_assert_cmpfloat (r->bounds.height, ==, 180);

  g_assert_cmpuint (sodo_layout_edge_get_points (r, r->parent_edge[3], points), ==, 4);
  g_assert_cmpfloat (points[0].x, ==, 270);
  g_assert_cmpfloat (points[0].y, ==, 30);
  g_assert_cmpfloat (points[1].y, ==, 55);
  g_assert_cmpfloat (points[2].x, ==, 390);
  g_assert_cmpfloat (points[3].y, ==, 80);
  sodo_layout_result_free (r);
  test_tree_free (t);
}

/* A small subtree between two deep ones gets its share of the space they need: the
 * shift/change bookkeeping spaces the middle children evenly. */
static void
test_intermediate_spacing (void)
{
  SodoLayoutOptions o = SODO_LAYOUT_OPTIONS_INIT;
  TestTree *t = test_tree_new (7);
  SodoLayoutResult *r;
  double gap_a, gap_b, gap_c;

  o.sibling_gap = o.subtree_gap = 10;
  /* root 0; children 1 2 3 4; node 1 has child 5 (wide), node 4 has child 6 (wide). */
  for (guint32 i = 1; i <= 4; i++)
    test_tree_add_child (t, 0, i);
  test_tree_add_child (t, 1, 5);
  test_tree_add_child (t, 4, 6);
  for (guint32 i = 0; i < 7; i++)
    {
      t->width[i] = 20;
      t->height[i] = 20;
    }
  t->width[5] = t->width[6] = 400;
  r = compute_checked (t, &o);
  check_layout (t, &o, r);
  gap_a = r->rects[2].x - (r->rects[1].x + 20);
  gap_b = r->rects[3].x - (r->rects[2].x + 20);
  gap_c = r->rects[4].x - (r->rects[3].x + 20);
  g_assert_cmpfloat (gap_a, >, 10);
  g_assert_cmpfloat (fabs (gap_a - gap_b), <, 1e-3);
  g_assert_cmpfloat (fabs (gap_b - gap_c), <, 1e-3);
  sodo_layout_result_free (r);
  test_tree_free (t);
}

static void
randomize_options (SodoLayoutOptions *o,
                   GRand             *rand)
{
  sodo_layout_options_init (o);
  o->orientation = g_rand_boolean (rand) ? SODO_LAYOUT_LEFT_RIGHT : SODO_LAYOUT_TOP_DOWN;
  o->sibling_gap = g_rand_int_range (rand, 0, 5) == 0 ? 0
                                                      : (float) g_rand_double_range (rand, 1, 60);
  o->subtree_gap = (float) g_rand_double_range (rand, 0, 80);
  o->level_gap = (float) g_rand_double_range (rand, 0, 90);
  o->align_levels = g_rand_boolean (rand);
  o->compact = g_rand_boolean (rand);
  o->compact_min_leaves = (guint32) g_rand_int_range (rand, 1, 9);
  o->compact_indent = (float) g_rand_double_range (rand, 1, 40);
}

static void
randomize_collapsed (TestTree *t,
                     GRand    *rand,
                     double    probability)
{
  for (guint32 i = 0; i < t->tree.n_nodes; i++)
    t->collapsed[i] = g_rand_double (rand) < probability;
  t->tree.collapsed = t->collapsed;
}

/* Every property on many random trees, sizes, shapes and options. */
static void
test_random_properties (void)
{
  for (guint32 seed = 1; seed <= 400; seed++)
    {
      GRand *rand = g_rand_new_with_seed (seed);
      guint32 n = (guint32) g_rand_int_range (rand, 1, seed % 10 == 0 ? 3000 : 400);
      TestTree *t;
      SodoLayoutOptions o;
      SodoLayoutResult *r;

      switch (seed % 3)
        {
        case 0:
          t = test_tree_new_realistic (n, rand, (guint32) g_rand_int_range (rand, 4, 11));
          break;
        case 1:
          t = test_tree_new_random (n, rand);
          test_tree_random_sizes (t, rand, 0, 300, 0, 200);
          break;
        default:
          t = test_tree_new_random (n, rand);
          test_tree_random_sizes (t, rand, 60, 90, 20, 30);
          break;
        }
      if (g_rand_boolean (rand))
        randomize_collapsed (t, rand, 0.1);
      randomize_options (&o, rand);
      if (seed % 17 == 0)
        {
          /* Degenerate: empty cards, no gaps; everything still holds. */
          test_tree_random_sizes (t, rand, 0, 0, 0, 0);
          o.sibling_gap = o.subtree_gap = o.level_gap = 0;
        }
      r = compute_checked (t, &o);
      check_layout (t, &o, r);
      sodo_layout_result_free (r);
      test_tree_free (t);
      g_rand_free (rand);
    }
}

/* A realistic 100,000-node chart, in both modes, checked in full (the overlap check uses
 * the test's own grid, not the layout's index). */
static void
test_realistic_large (void)
{
  GRand *rand = g_rand_new_with_seed (2024);
  TestTree *t = test_tree_new_realistic (100000, rand, 10);
  SodoLayoutOptions o = SODO_LAYOUT_OPTIONS_INIT;
  SodoLayoutResult *r;

  r = compute_checked (t, &o);
  check_layout (t, &o, r);
  sodo_layout_result_free (r);

  o.compact = TRUE;
  o.orientation = SODO_LAYOUT_LEFT_RIGHT;
  o.align_levels = FALSE;
  r = compute_checked (t, &o);
  check_layout (t, &o, r);
  sodo_layout_result_free (r);

  test_tree_free (t);
  g_rand_free (rand);
}

/* Collapsed nodes hide their descendants and are laid out as leaves. */
static void
test_collapse (void)
{
  TestTree *t = test_tree_new (8);
  SodoLayoutOptions o = SODO_LAYOUT_OPTIONS_INIT;
  SodoLayoutResult *r, *r_pruned;
  TestTree *pruned;

  /* 0 -> 1 2 3; 1 -> 4 5; 4 -> 6; 3 -> 7 */
  test_tree_add_child (t, 0, 1);
  test_tree_add_child (t, 0, 2);
  test_tree_add_child (t, 0, 3);
  test_tree_add_child (t, 1, 4);
  test_tree_add_child (t, 1, 5);
  test_tree_add_child (t, 4, 6);
  test_tree_add_child (t, 3, 7);
  t->collapsed[1] = 1;
  t->collapsed[7] = 1;   /* a collapsed leaf changes nothing */
  t->tree.collapsed = t->collapsed;
  r = compute_checked (t, &o);
  check_layout (t, &o, r);
  g_assert_cmpuint (r->n_visible, ==, 5);
  for (guint32 i = 4; i <= 6; i++)
    {
      g_assert_false (r->visible[i]);
      g_assert_cmpuint (r->depth[i], ==, SODO_LAYOUT_NONE);
    }
  g_assert_true (r->visible[7]);

  /* The same as a tree where node 1 has no children at all. */
  pruned = test_tree_new (8);
  test_tree_add_child (pruned, 0, 1);
  test_tree_add_child (pruned, 0, 2);
  test_tree_add_child (pruned, 0, 3);
  test_tree_add_child (pruned, 3, 7);
  r_pruned = compute_checked (pruned, &o);
  for (guint32 i = 0; i < 8; i++)
    if (r->visible[i])
      g_assert_true (memcmp (&r->rects[i], &r_pruned->rects[i], sizeof (SodoLayoutRect)) == 0);
  sodo_layout_result_free (r_pruned);
  test_tree_free (pruned);
  sodo_layout_result_free (r);

  /* Collapsing the root leaves the root alone. */
  t->collapsed[0] = 1;
  r = compute_checked (t, &o);
  g_assert_cmpuint (r->n_visible, ==, 1);
  g_assert_cmpuint (r->n_edges, ==, 0);
  sodo_layout_result_free (r);
  test_tree_free (t);
}

/* A node with 14 leaves and two inner children: the leaves form one stack where the first
 * leaf was, in columns, the inner children keep their order around it. */
static void
test_compact_stack (void)
{
  TestTree *t = test_tree_new (20);
  SodoLayoutOptions o = SODO_LAYOUT_OPTIONS_INIT;
  SodoLayoutResult *r, *plain;
  guint32 inner_a = 1, inner_b = 8, n_columns = 0;
  float column_u = -1;

  /* Children of 0, in order: 1 (inner), 2..7 (leaves), 8 (inner), 9..16 (leaves). */
  for (guint32 i = 1; i <= 16; i++)
    test_tree_add_child (t, 0, i);
  test_tree_add_child (t, inner_a, 17);
  test_tree_add_child (t, inner_b, 18);
  test_tree_add_child (t, inner_b, 19);
  o.compact = TRUE;
  r = compute_checked (t, &o);
  check_layout (t, &o, r);
  for (guint32 i = 2; i <= 16; i++)
    if (i != inner_b)
      {
        g_assert_true (r->stacked[i]);
        if (r->rects[i].x != column_u)
          {
            n_columns++;
            column_u = r->rects[i].x;
          }
      }
  /* 14 cards of 160x60 with the default gaps and indent: 2 columns of 7 make a 388x540
   * block, 3 columns of 5 a 592x380 one; 388:540 is closer to square. */
  g_assert_cmpuint (n_columns, ==, 2);
  g_assert_false (r->stacked[inner_a]);
  g_assert_false (r->stacked[inner_b]);
  g_assert_false (r->stacked[17]);
  /* The stack sits between inner_a and inner_b. */
  g_assert_cmpfloat (r->rects[2].x, >, r->rects[inner_a].x + r->rects[inner_a].width);
  g_assert_cmpfloat (r->rects[inner_b].x, >, r->rects[16].x + r->rects[16].width);

  /* Below the threshold nothing is stacked. */
  o.compact_min_leaves = 15;
  plain = compute_checked (t, &o);
  check_layout (t, &o, plain);
  for (guint32 i = 0; i < 20; i++)
    g_assert_false (plain->stacked[i]);
  sodo_layout_result_free (plain);
  sodo_layout_result_free (r);
  test_tree_free (t);
}

/* Left-right is the transpose of top-down with widths and heights swapped. */
static void
test_orientation_transpose (void)
{
  for (guint32 seed = 1; seed <= 30; seed++)
    {
      GRand *rand = g_rand_new_with_seed (seed * 7919);
      TestTree *t = test_tree_new_realistic (g_rand_int_range (rand, 2, 2000), rand, 6);
      TestTree *swapped = test_tree_new_preorder_copy (t);
      SodoLayoutOptions o;
      SodoLayoutResult *lr, *td;

      /* Same tree, same numbering, sizes swapped. */
      for (guint32 i = 0; i < t->tree.n_nodes; i++)
        {
          float w = swapped->width[i];

          swapped->width[i] = swapped->height[i];
          swapped->height[i] = w;
        }
      randomize_options (&o, rand);
      o.orientation = SODO_LAYOUT_TOP_DOWN;
      td = compute_checked (swapped, &o);
      test_tree_free (t);
      t = test_tree_new_preorder_copy (swapped);
      for (guint32 i = 0; i < t->tree.n_nodes; i++)
        {
          float w = t->width[i];

          t->width[i] = t->height[i];
          t->height[i] = w;
        }
      o.orientation = SODO_LAYOUT_LEFT_RIGHT;
      lr = compute_checked (t, &o);
      check_layout (t, &o, lr);
      for (guint32 i = 0; i < t->tree.n_nodes; i++)
        {
          g_assert_cmpfloat (lr->rects[i].x, ==, td->rects[i].y);
          g_assert_cmpfloat (lr->rects[i].y, ==, td->rects[i].x);
          g_assert_cmpfloat (lr->rects[i].width, ==, td->rects[i].height);
          g_assert_cmpfloat (lr->rects[i].height, ==, td->rects[i].width);
        }
      g_assert_cmpfloat (lr->bounds.width, ==, td->bounds.height);
      g_assert_cmpfloat (lr->bounds.height, ==, td->bounds.width);
      for (guint32 e = 0; e < lr->n_edges; e++)
        {
          SodoLayoutPoint a[SODO_LAYOUT_EDGE_MAX_POINTS], b[SODO_LAYOUT_EDGE_MAX_POINTS];
          guint32 n = sodo_layout_edge_get_points (lr, e, a);

          g_assert_cmpuint (sodo_layout_edge_get_points (td, e, b), ==, n);
          for (guint32 k = 0; k < n; k++)
            {
              g_assert_cmpfloat (a[k].x, ==, b[k].y);
              g_assert_cmpfloat (a[k].y, ==, b[k].x);
            }
        }
      sodo_layout_result_free (lr);
      sodo_layout_result_free (td);
      test_tree_free (t);
      test_tree_free (swapped);
      g_rand_free (rand);
    }
}

static void
assert_results_identical (const SodoLayoutResult *a,
                          const SodoLayoutResult *b)
{
  g_assert_cmpuint (a->n_nodes, ==, b->n_nodes);
  g_assert_cmpuint (a->n_visible, ==, b->n_visible);
  g_assert_cmpuint (a->n_edges, ==, b->n_edges);
  g_assert_true (memcmp (&a->bounds, &b->bounds, sizeof a->bounds) == 0);
  g_assert_true (memcmp (a->rects, b->rects, a->n_nodes * sizeof (SodoLayoutRect)) == 0);
  g_assert_true (memcmp (a->visible, b->visible, a->n_nodes) == 0);
  g_assert_true (memcmp (a->stacked, b->stacked, a->n_nodes) == 0);
  g_assert_true (memcmp (a->depth, b->depth, a->n_nodes * sizeof (guint32)) == 0);
  g_assert_true (memcmp (a->parent_edge, b->parent_edge, a->n_nodes * sizeof (guint32)) == 0);
  g_assert_true (memcmp (a->edges, b->edges, a->n_edges * sizeof (SodoLayoutEdge)) == 0);
  for (guint32 e = 0; e < a->n_edges; e++)
    {
      SodoLayoutPoint pa[SODO_LAYOUT_EDGE_MAX_POINTS], pb[SODO_LAYOUT_EDGE_MAX_POINTS];
      guint32 n = sodo_layout_edge_get_points (a, e, pa);

      g_assert_cmpuint (sodo_layout_edge_get_points (b, e, pb), ==, n);
      g_assert_true (memcmp (pa, pb, n * sizeof (SodoLayoutPoint)) == 0);
    }
}

/* Same input, bit-identical output, also after other layouts ran in between. */
static void
test_determinism (void)
{
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      GRand *rand = g_rand_new_with_seed (seed + 1000);
      TestTree *t = test_tree_new_realistic (g_rand_int_range (rand, 1, 20000), rand, 9);
      SodoLayoutOptions o;
      SodoLayoutResult *a, *b, *other;
      TestTree *other_tree = test_tree_new_random (5000, rand);

      randomize_collapsed (t, rand, 0.05);
      randomize_options (&o, rand);
      a = compute_checked (t, &o);
      other = compute_checked (other_tree, NULL);
      b = compute_checked (t, &o);
      assert_results_identical (a, b);
      sodo_layout_result_free (a);
      sodo_layout_result_free (b);
      sodo_layout_result_free (other);
      test_tree_free (other_tree);
      test_tree_free (t);
      g_rand_free (rand);
    }
}

static void
assert_status (const SodoLayoutTree    *tree,
               const SodoLayoutOptions *options,
               SodoLayoutStatus         expected)
{
  SodoLayoutStatus status = SODO_LAYOUT_OK;
  SodoLayoutResult *r = sodo_layout_compute (tree, options, &status);

  g_assert_null (r);
  g_assert_cmpstr (sodo_layout_status_to_string (status), ==,
                   sodo_layout_status_to_string (expected));
}

/* Bad input is reported, never crashes or loops. */
static void
test_invalid_input (void)
{
  TestTree *t = test_tree_new (4);
  SodoLayoutOptions o = SODO_LAYOUT_OPTIONS_INIT;
  SodoLayoutTree tree;

  test_tree_add_child (t, 0, 1);
  test_tree_add_child (t, 1, 2);
  test_tree_add_child (t, 1, 3);

  assert_status (NULL, NULL, SODO_LAYOUT_ERROR_INVALID_ARGUMENT);
  tree = t->tree;
  tree.root = 4;
  assert_status (&tree, NULL, SODO_LAYOUT_ERROR_INVALID_ARGUMENT);
  tree = t->tree;
  tree.n_nodes = 0;
  assert_status (&tree, NULL, SODO_LAYOUT_ERROR_INVALID_ARGUMENT);
  tree = t->tree;
  tree.width = NULL;
  assert_status (&tree, NULL, SODO_LAYOUT_ERROR_INVALID_ARGUMENT);
  o.level_gap = -1;
  assert_status (&t->tree, &o, SODO_LAYOUT_ERROR_INVALID_ARGUMENT);
  o.level_gap = NAN;
  assert_status (&t->tree, &o, SODO_LAYOUT_ERROR_INVALID_ARGUMENT);
  sodo_layout_options_init (&o);
  o.compact = TRUE;
  o.compact_min_leaves = 0;
  assert_status (&t->tree, &o, SODO_LAYOUT_ERROR_INVALID_ARGUMENT);
  sodo_layout_options_init (&o);
  o.orientation = (SodoLayoutOrientation) 7;
  assert_status (&t->tree, &o, SODO_LAYOUT_ERROR_INVALID_ARGUMENT);

  /* A child index out of range. */
  t->next_sibling[3] = 9;
  assert_status (&t->tree, NULL, SODO_LAYOUT_ERROR_BAD_INDEX);
  /* A cycle among siblings, and back to the root. */
  t->next_sibling[3] = 2;
  assert_status (&t->tree, NULL, SODO_LAYOUT_ERROR_NOT_A_TREE);
  t->next_sibling[3] = 0;
  assert_status (&t->tree, NULL, SODO_LAYOUT_ERROR_NOT_A_TREE);
  t->next_sibling[3] = SODO_LAYOUT_NONE;
  /* parent[] disagrees; without parent[] the same tree is fine. */
  t->parent[3] = 0;
  assert_status (&t->tree, NULL, SODO_LAYOUT_ERROR_NOT_A_TREE);
  tree = t->tree;
  tree.parent = NULL;
  {
    SodoLayoutStatus status = SODO_LAYOUT_ERROR_NO_MEMORY;
    SodoLayoutResult *r = sodo_layout_compute (&tree, NULL, &status);

    g_assert_nonnull (r);
    g_assert_cmpint (status, ==, SODO_LAYOUT_OK);
    sodo_layout_result_free (r);
  }
  t->parent[3] = 1;
  /* Sizes: NaN, negative, infinite; only visible cards are looked at. */
  t->width[2] = NAN;
  assert_status (&t->tree, NULL, SODO_LAYOUT_ERROR_BAD_SIZE);
  t->width[2] = -1;
  assert_status (&t->tree, NULL, SODO_LAYOUT_ERROR_BAD_SIZE);
  t->height[2] = INFINITY;
  t->width[2] = 1;
  assert_status (&t->tree, NULL, SODO_LAYOUT_ERROR_BAD_SIZE);
  t->collapsed[1] = 1;
  t->tree.collapsed = t->collapsed;
  sodo_layout_result_free (compute_checked (t, NULL));
  tree = t->tree;
  tree.n_nodes = SODO_LAYOUT_MAX_NODES + 1;
  assert_status (&tree, NULL, SODO_LAYOUT_ERROR_TOO_LARGE);
  g_assert_cmpstr (sodo_layout_status_to_string ((SodoLayoutStatus) 99), ==, "unknown status");
  test_tree_free (t);
}

/* Nodes not reachable from the root are simply not laid out. */
static void
test_forest (void)
{
  TestTree *t = test_tree_new (6);
  SodoLayoutResult *r;

  test_tree_add_child (t, 0, 1);
  test_tree_add_child (t, 2, 3);
  test_tree_add_child (t, 2, 4);
  test_tree_add_child (t, 4, 5);
  t->tree.root = 2;
  r = compute_checked (t, NULL);
  check_layout (t, &(SodoLayoutOptions) SODO_LAYOUT_OPTIONS_INIT, r);
  g_assert_false (r->visible[0]);
  g_assert_false (r->visible[1]);
  g_assert_cmpuint (r->n_visible, ==, 4);
  sodo_layout_result_free (r);
  test_tree_free (t);
}

#define MILLION 1000000

/* A million-deep chain: no recursion anywhere, so no stack overflow. */
static void
test_chain_million (void)
{
  TestTree *t = test_tree_new_chain (MILLION);
  SodoLayoutOptions o = SODO_LAYOUT_OPTIONS_INIT;

  for (guint32 pass = 0; pass < 2; pass++)
    {
      SodoLayoutResult *r;
      double centre;

      o.orientation = pass == 0 ? SODO_LAYOUT_TOP_DOWN : SODO_LAYOUT_LEFT_RIGHT;
      o.align_levels = pass == 0;
      r = compute_checked (t, &o);
      g_assert_cmpuint (r->n_visible, ==, MILLION);
      g_assert_cmpuint (r->n_edges, ==, MILLION - 1);
      check_edges (t, &o, r);
      centre = (uv_card (r, 0).u0 + uv_card (r, 0).u1) / 2;
      for (guint32 i = 1; i < MILLION; i++)
        {
          UVBox b = uv_card (r, i), p = uv_card (r, i - 1);

          g_assert_cmpfloat ((b.u0 + b.u1) / 2, ==, centre);
          g_assert_cmpfloat (b.v0, >, p.v1);
          g_assert_cmpuint (r->depth[i], ==, i);
        }
      /* Somewhere deep down, the index finds the right card. */
      {
        UVBox b = uv_card (r, 765432);
        double x = o.orientation == SODO_LAYOUT_TOP_DOWN ? b.u0 + 1 : b.v0 + 1;
        double y = o.orientation == SODO_LAYOUT_TOP_DOWN ? b.v0 + 1 : b.u0 + 1;

        g_assert_cmpuint (sodo_layout_node_at (r, x, y), ==, 765432);
      }
      sodo_layout_result_free (r);
    }
  test_tree_free (t);
}

/* A million children under one node, plain and stacked. */
static void
test_star_million (void)
{
  TestTree *t = test_tree_new_star (MILLION);
  SodoLayoutOptions o = SODO_LAYOUT_OPTIONS_INIT;
  SodoLayoutResult *r;
  double first_centre, last_centre;
  guint32 hits[4];

  r = compute_checked (t, &o);
  g_assert_cmpuint (r->n_visible, ==, MILLION);
  for (guint32 i = 2; i < MILLION; i++)
    g_assert_cmpfloat (r->rects[i].x, >=, r->rects[i - 1].x + r->rects[i - 1].width);
  first_centre = r->rects[1].x + 80.0;
  last_centre = r->rects[MILLION - 1].x + 80.0;
  g_assert_cmpfloat (fabs (r->rects[0].x + 80.0 - (first_centre + last_centre) / 2), <=, 16);
  /* A small window on the bus, left of the root: exactly the connectors passing through,
   * those to the children further left. */
  g_assert_cmpfloat (r->rects[400000].x, <, r->rects[0].x);
  g_assert_cmpuint (sodo_layout_query_edges (r, r->rects[400000].x + 10, 60 + 24, 1, 1,
                                             hits, 4), ==, 400000 - 1);
  sodo_layout_result_free (r);

  o.compact = TRUE;
  r = compute_checked (t, &o);
  g_assert_cmpuint (r->n_visible, ==, MILLION);
  check_clearance (t, &o, r);
  /* Roughly square. */
  g_assert_cmpfloat (r->bounds.width / r->bounds.height, >, 0.5);
  g_assert_cmpfloat (r->bounds.width / r->bounds.height, <, 2);
  sodo_layout_result_free (r);
  test_tree_free (t);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/options/defaults", test_options_defaults);
  g_test_add_func ("/layout/small/single-node", test_single_node);
  g_test_add_func ("/layout/small/exact", test_small_exact);
  g_test_add_func ("/layout/small/intermediate-spacing", test_intermediate_spacing);
  g_test_add_func ("/layout/small/forest", test_forest);
  g_test_add_func ("/layout/collapse", test_collapse);
  g_test_add_func ("/layout/compact/stack", test_compact_stack);
  g_test_add_func ("/layout/orientation/transpose", test_orientation_transpose);
  g_test_add_func ("/layout/random/properties", test_random_properties);
  g_test_add_func ("/layout/random/realistic-100k", test_realistic_large);
  g_test_add_func ("/layout/determinism", test_determinism);
  g_test_add_func ("/layout/invalid-input", test_invalid_input);
  g_test_add_func ("/layout/big/chain-million", test_chain_million);
  g_test_add_func ("/layout/big/star-million", test_star_million);

  return g_test_run ();
}
